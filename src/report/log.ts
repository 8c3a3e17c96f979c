import { randomBytes } from 'node:crypto';
import { EOL } from 'node:os';
import type { RunDetail, RunEvent } from '../api/schema.js';
import type { FollowNote } from '../follow/follower.js';
import { escapeCommandData, inline, stripControls } from '../plumbing/sanitize.js';
import { describeDelivery } from './delivery.js';
import { durationMs, formatDuration, type RunReport } from './report.js';

/**
 * Wraps lines of untrusted text so the runner processes none of them as a
 * workflow command: `::stop-commands::TOKEN` pauses command processing until
 * the line `::TOKEN::`, and the token is fresh and unguessable each time.
 */
export function untrusted(lines: string[], token: string): string[] {
  return lines.length === 0 ? [] : [`::stop-commands::${token}`, ...lines, `::${token}::`];
}

/** A group title is workflow-command data: one clean line, escaped as @actions/core does. */
function groupStart(title: string): string {
  return `::group::${escapeCommandData(inline(title, 180))}`;
}

export function clock(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(seconds / 60);
  return `+${m}:${String(seconds % 60).padStart(2, '0')}`;
}

function sinceStart(event: RunEvent, startedAt: number): string {
  const at = event.createdAt ? Date.parse(event.createdAt) : NaN;
  return Number.isNaN(at) ? '+?:??' : clock(at - startedAt);
}

export function eventTitle(event: RunEvent, startedAt: number): string {
  // The title is cut to 180 characters later; a message can be megabytes.
  const parts = [sinceStart(event, startedAt), event.type, event.toolName ?? '', event.message.slice(0, 400)];
  return parts.filter((part) => part !== '').join(' ');
}

/** How much of an event the log shows: a payload is printed to this depth and size, a message to this size. */
export const RENDER_LIMITS = { depth: 8, payloadChars: 8_192, messageChars: 4_000, messageLines: 60 };

function plural(count: number, unit: string): string {
  return `${count} more ${unit}${count === 1 ? '' : 's'}`;
}

/** Untrusted text as clean lines, at most `maxChars` characters and `maxLines` lines, with a note when cut. */
export function boundedText(text: string, maxChars: number, maxLines: number): string[] {
  const lines = stripControls(text.slice(0, maxChars)).split('\n');
  const notes: string[] = [];
  if (lines.length > maxLines) notes.push(plural(lines.length - maxLines, 'line'));
  if (text.length > maxChars) notes.push(plural(text.length - maxChars, 'character'));
  return notes.length > 0 ? [...lines.slice(0, maxLines), `… ${notes.join(', ')} not shown`] : lines;
}

function scalar(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? JSON.stringify(value) : 'null';
}

/**
 * The lines `JSON.stringify(value, null, 2)` would print, but lazily and no
 * deeper than `depth` levels: a deeper container is shown by its size. The
 * recursion is as deep as `depth`, whatever the payload's own depth.
 */
function* jsonLines(value: unknown, depth: number, indent = '', head = '', tail = ''): Generator<string> {
  if (typeof value !== 'object' || value === null) {
    yield `${indent}${head}${scalar(value)}${tail}`;
    return;
  }
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((item, i): [string, unknown] => [String(i), item])
    : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    yield `${indent}${head}${open}${close}${tail}`;
    return;
  }
  if (depth <= 0) {
    yield `${indent}${head}${open}… ${plural(entries.length, Array.isArray(value) ? 'item' : 'key')}, deeper than the log shows${close}${tail}`;
    return;
  }
  yield `${indent}${head}${open}`;
  let left = entries.length;
  for (const [key, item] of entries) {
    const itemHead = Array.isArray(value) ? '' : `${JSON.stringify(key)}: `;
    yield* jsonLines(item, depth - 1, `${indent}  `, itemHead, --left > 0 ? ',' : '');
  }
  yield `${indent}${close}${tail}`;
}

/** A payload as clean lines, bounded in depth and size, with a note of what was left out. */
export function payloadLines(payload: unknown, limits = RENDER_LIMITS): string[] {
  if (payload === null || payload === undefined) return [];
  if (typeof payload === 'string') return boundedText(payload, limits.payloadChars, Infinity);
  if (typeof payload === 'object' && Object.keys(payload).length === 0) return [];
  const lines: string[] = [];
  let room = limits.payloadChars;
  let more = 0;
  for (const line of jsonLines(payload, limits.depth)) {
    if (room <= 0) {
      more++;
    } else {
      lines.push(stripControls(line.length > room ? `${line.slice(0, room)}…` : line));
      room -= line.length + 1;
    }
  }
  return more > 0 ? [...lines, `… ${plural(more, 'line')} of payload not shown (the log shows ${limits.payloadChars} characters)`] : lines;
}

function eventLines(event: RunEvent, startedAt: number, token: string): string[] {
  const { messageChars, messageLines } = RENDER_LIMITS;
  const long = event.message.length > 120 || event.message.includes('\n');
  const body = [...(long ? boundedText(event.message, messageChars, messageLines) : []), ...payloadLines(event.payload)];
  return [groupStart(eventTitle(event, startedAt)), ...untrusted(body.length > 0 ? body : ['(no payload)'], token), '::endgroup::'];
}

/**
 * One collapsible group per event: the title line, then the message and the
 * payload, both bounded. An event that cannot be rendered gets a placeholder:
 * one bad event never stops following.
 */
export function renderEvent(event: RunEvent, startedAt: number, token: string): string[] {
  try {
    return eventLines(event, startedAt, token);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return untrusted([`Event ${inline(String(event.id), 80)} could not be shown (${inline(reason, 200)}).`], token);
  }
}

/** The quiet level's line for an event: nothing but its type, which is enough to see progress. */
export function renderQuietEvent(event: RunEvent, startedAt: number, token: string): string[] {
  return event.type === 'status_changed' || event.type === 'failed' || event.type === 'finished'
    ? untrusted([`${sinceStart(event, startedAt)} ${inline(event.type, 60)}: ${inline(event.message)}`], token)
    : [];
}

export function renderHeader(report: RunReport, token: string): string[] {
  const { run } = report;
  const branch = `${run.branch.base ?? '(default)'} -> ${run.branch.working ?? run.branch.base ?? '(default)'}`;
  return untrusted(
    [
      report.automation
        ? `Mogplex automation ${inline(report.automation.id, 80)}: job ${inline(run.runId, 80)} ${report.replayed ? 'replayed (triggered earlier by this workflow run)' : 'triggered'}`
        : `Mogplex run ${inline(run.runId, 80)} ${report.attached ? 'attached (started elsewhere; this step follows it and starts nothing)' : report.replayed ? 'replayed (started earlier by this workflow run; not started again)' : 'started'}`,
      `  harness: ${inline(report.harness || '?', 40)}   repo: ${inline(report.repo, 120)}   branch: ${inline(branch, 200)}`,
    ],
    token,
  );
}

export function renderStatusChange(from: string, run: RunDetail, token: string): string[] {
  return untrusted([`Status: ${inline(from, 40)} -> ${inline(run.status, 40)}`], token);
}

/** What following met, in a line for the log. */
export function describeNote(note: FollowNote, describeError: (error: unknown) => string): string {
  switch (note.kind) {
    case 'poll-error':
      return `Reading the run failed, will try again: ${describeError(note.error)}`;
    case 'stream-missing':
      return 'This Mogplex server has no events stream (an older version): following by polling the events list.';
    case 'stream-failing':
      return `The events stream keeps failing (${describeError(note.error)}): polling for a minute, then trying the stream again.`;
    case 'stream-back':
      return 'The events stream works again.';
    case 'garbled-frame':
      return `Skipped a garbled frame of the events stream (${inline(note.reason, 200)}).`;
    case 'events-lost':
      return 'More events came between two reads than one read holds: some were not seen (the events stream sees every event).';
    case 'window-full':
      return `Showing the first ${note.shown} events: this Mogplex server's events route shows no more. The run goes on; following its status only.`;
    case 'new-segment':
      return 'The run resumed in a new agent call: following its new events.';
  }
}

export function renderEnd(report: RunReport, token: string): string[] {
  const duration = formatDuration(durationMs(report));
  return untrusted(
    [`Run ${inline(report.run.runId, 80)} ended: ${inline(report.run.status, 40)} after ${duration} (${report.eventCount} events shown)`],
    token,
  );
}

export function renderDelivery(report: RunReport, token: string): string[] {
  const text = describeDelivery(report);
  return text === undefined ? [] : untrusted([inline(text, 1000)], token);
}

/** The I/O edge of the job log. Each call writes whole groups, so none is left open. */
export class JobLog {
  constructor(
    private readonly write: (text: string) => void = (text) => process.stdout.write(text),
    private readonly newToken: () => string = () => randomBytes(16).toString('hex'),
  ) {}

  /** A fresh stop-commands token for one block of untrusted lines. */
  token(): string {
    return this.newToken();
  }

  print(lines: string[]): void {
    if (lines.length > 0) this.write(lines.join(EOL) + EOL);
  }
}
