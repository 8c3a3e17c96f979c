// The job log's view of a run's events. The newer server records the agent's
// text as `log` events of a few words each (`assistant_delta`) and each tool
// call as `tool_started` / `tool_finished`: hundreds to thousands a run. They
// are joined here into whole lines of text and one line per tool call, and
// the lifecycle events keep a collapsible group each. Agent output is bounded:
// past the limit the log says where to read all of it (the events file).
import type { RunEvent } from '../api/schema.js';
import { inline, stripControls } from '../plumbing/sanitize.js';
import { clock, renderEvent, untrusted } from './log.js';
import { isAgentText } from './report.js';

export const TRANSCRIPT_LIMITS = {
  /** Lines of agent output (text and tool calls) the log shows. */
  agentLines: 200,
  /** A line of agent text is cut here. */
  lineChars: 1_000,
  /** Text with no line break is printed once it grows this long. */
  partialChars: 2_000,
};

type Kind = 'text' | 'tool-started' | 'tool-finished' | 'other';

function payloadKind(event: RunEvent): string | undefined {
  const payload = event.payload;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const kind = (payload as { kind?: unknown }).kind;
  return typeof kind === 'string' ? kind : undefined;
}

function kindOf(event: RunEvent): Kind {
  if (isAgentText(event)) return 'text';
  const kind = payloadKind(event);
  if (kind === 'tool' && event.type === 'tool_started') return 'tool-started';
  if (kind === 'tool' && event.type === 'tool_finished') return 'tool-finished';
  return 'other';
}

function field(event: RunEvent, name: string): string | undefined {
  const value = (event.payload as Record<string, unknown> | null)?.[name];
  return typeof value === 'string' ? value : undefined;
}

const STATE_WORDS: Record<string, string> = { completed: 'finished', error: 'failed', denied: 'denied' };

function seconds(from: string | null | undefined, to: string | null): string {
  const ms = Date.parse(to ?? '') - Date.parse(from ?? '');
  return Number.isFinite(ms) && ms >= 0 ? ` (${(ms / 1000).toFixed(1)} s)` : '';
}

/** One run's events as log lines, in order. Stateful: text waits for its line break, a tool call for its end. */
export class Transcript {
  private partial = '';
  private shown = 0;
  private cut = false;
  private lastBlank = true;
  private readonly tools = new Map<string, { name: string; at: string | null }>();

  constructor(
    private readonly startedAt: number,
    /** Where every event can be read, named when the log stops showing agent output. */
    private readonly elsewhere: string,
    private readonly limits = TRANSCRIPT_LIMITS,
  ) {}

  /** What to print for an event now (already safe for the runner: untrusted text is wrapped). */
  render(event: RunEvent, token: string): string[] {
    switch (kindOf(event)) {
      case 'text':
        return this.text(event.message, token);
      case 'tool-started':
        this.tools.set(field(event, 'toolCallId') ?? event.id, { name: event.toolName ?? 'tool', at: event.createdAt });
        return [];
      case 'tool-finished':
        return this.tool(event, token);
      case 'other':
        return [...this.flush(token), ...renderEvent(event, this.startedAt, token)];
    }
  }

  /** Text still waiting for its line break, at the end of a pass or of the run. */
  flush(token: string): string[] {
    const rest = this.partial;
    this.partial = '';
    return rest.trim() === '' ? [] : this.lines([rest], token);
  }

  private text(delta: string, token: string): string[] {
    this.partial += delta;
    const parts = this.partial.split('\n');
    this.partial = parts.pop() ?? '';
    if (this.partial.length >= this.limits.partialChars) {
      parts.push(this.partial);
      this.partial = '';
    }
    return this.lines(parts, token);
  }

  private tool(event: RunEvent, token: string): string[] {
    const id = field(event, 'toolCallId') ?? event.id;
    const started = this.tools.get(id);
    this.tools.delete(id);
    const state = field(event, 'state');
    const outcome = (state && STATE_WORDS[state]) ?? inline(event.message.split(' ').at(-1) ?? '', 20);
    const name = inline(event.toolName ?? started?.name ?? 'tool', 60);
    const line = `${clock(Date.parse(event.createdAt ?? '') - this.startedAt)} ⚙ ${name} ${outcome}${seconds(started?.at, event.createdAt)}`;
    return [...this.flush(token), ...this.lines([line], token, false)];
  }

  /** Lines of agent output within the bound; blank runs collapse to one. */
  private lines(raw: string[], token: string, clean = true): string[] {
    const out: string[] = [];
    for (const line of raw) {
      const text = clean ? stripControls(line).trimEnd() : line;
      const blank = text.trim() === '';
      if (blank && this.lastBlank) continue;
      this.lastBlank = blank;
      if (this.shown >= this.limits.agentLines) {
        if (!this.cut) {
          this.cut = true;
          out.push(`… the log shows the first ${this.limits.agentLines} lines of agent output; every event is in ${this.elsewhere}`);
        }
        continue;
      }
      this.shown += 1;
      out.push(text.length > this.limits.lineChars ? `${text.slice(0, this.limits.lineChars)}…` : text);
    }
    return untrusted(out, token);
  }
}
