import { createHash } from 'node:crypto';
import type { WorkflowContext } from './context.js';
import { durationMs, formatDuration, type RunReport } from '../report.js';
import { escapeMarkup, inline, stripControls } from '../sanitize.js';

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

function branches(report: RunReport, repoUrl: string): string {
  const { base, working, createBranch } = report.run.branch;
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

/** The comment that started a comment-mode run. */
export interface TriggerView {
  login: string;
  /** Built from the repository and the comment id, never taken from the payload. */
  commentUrl: string;
}

export interface CommentView {
  marker: string;
  /** What was asked: the prompt, or in comment mode the task. */
  prompt: string;
  context: WorkflowContext;
  trigger?: TriggerView;
}

/** A login as GitHub allows them, in a code span: shown, never a mention. */
function who(login: string): string {
  return /^[A-Za-z0-9-]{1,39}(\[bot\])?$/.test(login) ? `\`${login}\`` : 'someone';
}

function triggerLine(trigger: TriggerView | undefined): string[] {
  return trigger ? [`Asked by ${who(trigger.login)} in [this comment](${trigger.commentUrl}).`, ''] : [];
}

/** The server's pull request URL as a link only when it is a pull request of this repository; else as inert text. */
function pullRequestLink(url: string, repoUrl: string): string {
  const number = url.startsWith(`${repoUrl}/pull/`) ? url.slice(repoUrl.length + 6) : '';
  if (/^[1-9]\d{0,9}$/.test(number)) return `[#${number}](${repoUrl}/pull/${number})`;
  return `\`${inline(url, 300).replace(/`/g, "'")}\``;
}

/** The run's end result, from what it delivered: a pull request, or no changes. */
export function resultLine(report: RunReport, repoUrl: string): string | undefined {
  const { delivery } = report;
  if (!delivery) return undefined;
  if (delivery.pullRequestUrl) return `**Pull request:** ${pullRequestLink(delivery.pullRequestUrl, repoUrl)}`;
  return delivery.changed ? undefined : '**No code changes.**';
}

function logLink(context: WorkflowContext): string {
  const repoUrl = `${context.serverUrl}/${context.repository}`;
  return `[Workflow run log](${repoUrl}/actions/runs/${encodeURIComponent(context.runId)}/attempts/${encodeURIComponent(context.runAttempt)})`;
}

export interface Notice {
  headline: string;
  /** Escaped like all other text. */
  message: string;
  /** Shown as code, e.g. how to ask. */
  example?: string;
}

/** A comment for a step that started no run (a fork, an empty task, a bad input, a failed start): why, and what to do. */
export function renderNotice(notice: Notice, view: CommentView): string {
  const parts = [view.marker, `### ${notice.headline}`, '', ...triggerLine(view.trigger)];
  if (view.prompt.trim() !== '') parts.push(...promptSection(view.prompt), '');
  parts.push(escapeMarkup(notice.message, 1000), '');
  // In a code span: a trigger phrase such as `@mogplex` would otherwise mention that account.
  if (notice.example) parts.push(`For example: \`${inline(notice.example, 200).replace(/`/g, "'")}\``, '');
  parts.push(logLink(view.context));
  return parts.join('\n') + '\n';
}

/** The pull-request comment, as markdown. Every value from the API or the prompt is escaped. */
export function renderComment(report: RunReport, view: CommentView): string {
  const { context } = view;
  const repoUrl = `${context.serverUrl}/${context.repository}`;
  const parts = [
    view.marker,
    `### ${headline(report)}`,
    '',
    ...triggerLine(view.trigger),
    ...promptSection(view.prompt),
    '',
    '| | |',
    '|---|---|',
    `| **Status** | ${escapeMarkup(report.run.status)} |`,
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
  const result = resultLine(report, repoUrl);
  if (result) parts.push('', result);
  const error = report.failure ?? report.deliveryFailure;
  if (error) parts.push('', `**Error:** ${escapeMarkup(error, 1000)}`);
  parts.push('', logLink(context));
  return parts.join('\n') + '\n';
}
