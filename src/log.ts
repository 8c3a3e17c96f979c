import { randomBytes } from 'node:crypto';
import { EOL } from 'node:os';
import type { RunDetail, RunEvent } from './api/schema.js';
import { escapeCommandData, inline, stripControls } from './sanitize.js';
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

function clock(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(seconds / 60);
  return `+${m}:${String(seconds % 60).padStart(2, '0')}`;
}

function sinceStart(event: RunEvent, startedAt: number): string {
  const at = event.createdAt ? Date.parse(event.createdAt) : NaN;
  return Number.isNaN(at) ? '+?:??' : clock(at - startedAt);
}

export function eventTitle(event: RunEvent, startedAt: number): string {
  const parts = [sinceStart(event, startedAt), event.type, event.toolName ?? '', event.message];
  return parts.filter((part) => part !== '').join(' ');
}

function payloadLines(payload: unknown): string[] {
  if (payload === null || payload === undefined) return [];
  if (typeof payload === 'object' && Object.keys(payload).length === 0) return [];
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload, null, 2);
  return stripControls(text).split('\n');
}

/** One collapsible group per event: the title line, then the full message and the payload. */
export function renderEvent(event: RunEvent, startedAt: number, token: string): string[] {
  const message = stripControls(event.message);
  const body = [...(message.includes('\n') || message.length > 120 ? message.split('\n') : []), ...payloadLines(event.payload)];
  return [groupStart(eventTitle(event, startedAt)), ...untrusted(body.length > 0 ? body : ['(no payload)'], token), '::endgroup::'];
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
      `Mogplex run ${inline(run.runId, 80)} ${report.replayed ? 'replayed (started earlier by this workflow run; not started again)' : 'started'}`,
      `  harness: ${inline(report.harness || '?', 40)}   repo: ${inline(report.repo, 120)}   branch: ${inline(branch, 200)}`,
    ],
    token,
  );
}

export function renderStatusChange(from: string, run: RunDetail, token: string): string[] {
  return untrusted([`Status: ${inline(from, 40)} -> ${inline(run.status, 40)}`], token);
}

export function renderWindowFull(shown: number): string[] {
  return [`Showing the first ${shown} events: the Mogplex events route shows no more. The run goes on; following its status only.`];
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
