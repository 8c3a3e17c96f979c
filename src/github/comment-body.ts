import { createHash } from 'node:crypto';
import { describeDelivery } from '../delivery.js';
import type { WorkflowContext } from './context.js';
import { durationMs, formatDuration, type RunReport } from '../report.js';
import { escapeMarkup, stripControls } from '../sanitize.js';

const PROMPT_PREVIEW_LINES = 3;

/**
 * The hidden first line that finds a step's comment again. Job and step tell
 * steps apart; the idempotency key (stable across re-runs) tells matrix legs apart.
 */
export function commentMarker(context: WorkflowContext, idempotencyKey: string): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_.-]/g, '_');
  const key = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 12);
  return `<!-- mogplex-run-action job=${safe(context.job)} step=${safe(context.action)} key=${key} -->`;
}

function headline(report: RunReport): string {
  switch (report.outcome) {
    case 'success':
      return '✅ Mogplex run succeeded';
    case 'failed':
      return report.run.status === 'cancelled' ? '🛑 Mogplex run was cancelled' : '❌ Mogplex run failed';
    case 'timeout':
      return '⏱️ Mogplex run timed out';
    case 'cancelled':
      return '🛑 Mogplex run stopped: the job was cancelled';
    case 'error':
      return '⚠️ Mogplex run: the action lost track of it';
    case 'started':
      return '▶️ Mogplex run started';
    case undefined:
      return report.run.status === 'pending' ? '⏳ Mogplex run is starting' : '🔄 Mogplex run is working';
  }
}

/** A branch name as URL path segments; also encodes the `()'!*` that encodeURIComponent keeps, which could end a markdown link. */
function branchPath(branch: string): string {
  const encode = (segment: string) =>
    encodeURIComponent(segment).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return branch.split('/').map(encode).join('/');
}

/** What the run delivered, once it is known; the pull request's URL passed a strict rule, so it can be a link. */
function result(report: RunReport): string | undefined {
  return describeDelivery(report, { link: (url) => `[${escapeMarkup(url)}](${url})`, text: (untrusted) => escapeMarkup(untrusted, 1000) });
}

function branches(report: RunReport, repoUrl: string): string {
  const { base, createBranch } = report.run.branch;
  const working = report.agentBranch ?? report.run.branch.working;
  const link = (branch: string) => `[${escapeMarkup(branch)}](${repoUrl}/tree/${branchPath(branch)})`;
  if (!base) return working ? link(working) : '';
  if (!working || working === base) return link(base);
  const compare = createBranch ? ` · [compare](${repoUrl}/compare/${branchPath(base)}...${branchPath(working)})` : '';
  return `${link(base)} → ${link(working)}${compare}`;
}

function promptSection(prompt: string): string[] {
  const lines = stripControls(prompt).trim().split('\n');
  const quote = lines.slice(0, PROMPT_PREVIEW_LINES).map((line) => `> ${escapeMarkup(line, 300)}`);
  if (lines.length <= PROMPT_PREVIEW_LINES) return quote;
  const rest = lines.slice(PROMPT_PREVIEW_LINES, 200).map((line) => escapeMarkup(line, 300));
  return [
    ...quote,
    '',
    `<details><summary>The rest of the prompt (${lines.length - PROMPT_PREVIEW_LINES} more lines)</summary>`,
    '',
    rest.join('<br>'),
    '',
    '</details>',
  ];
}

export interface CommentView {
  marker: string;
  prompt: string;
  context: WorkflowContext;
}

/** The pull-request comment, as markdown. Every value from the API or the prompt is escaped. */
export function renderComment(report: RunReport, view: CommentView): string {
  const { context } = view;
  const repoUrl = `${context.serverUrl}/${context.repository}`;
  const outcome = result(report);
  const logUrl = `${repoUrl}/actions/runs/${encodeURIComponent(context.runId)}/attempts/${encodeURIComponent(context.runAttempt)}`;
  const parts = [
    view.marker,
    `### ${headline(report)}`,
    '',
    ...promptSection(view.prompt),
    '',
    '| | |',
    '|---|---|',
    `| **Status** | ${escapeMarkup(report.run.status)} |`,
    ...(outcome === undefined ? [] : [`| **Result** | ${outcome} |`]),
    `| **Harness** | ${escapeMarkup(report.harness)} |`,
    `| **Branch** | ${branches(report, repoUrl)} |`,
    `| **Duration** | ${formatDuration(durationMs(report))} |`,
    `| **Run id** | ${escapeMarkup(report.run.runId)} |`,
  ];
  if (report.recentEvents.length > 0) {
    parts.push('', '**Last events**', '', '| Type | Tool | Message |', '|---|---|---|');
    for (const event of report.recentEvents) {
      parts.push(`| ${escapeMarkup(event.type, 60)} | ${escapeMarkup(event.toolName ?? '', 60)} | ${escapeMarkup(event.message, 200)} |`);
    }
  }
  if (report.failure) parts.push('', `**Error:** ${escapeMarkup(report.failure, 1000)}`);
  parts.push('', `[Workflow run log](${logUrl})`);
  return parts.join('\n') + '\n';
}
