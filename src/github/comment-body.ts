import { createHmac } from 'node:crypto';
import { describeDelivery } from '../report/delivery.js';
import type { WorkflowContext } from '../event/context.js';
import { durationMs, formatDuration, type RunReport } from '../report/report.js';
import { escapeMarkup, inline, stripControls } from '../plumbing/sanitize.js';

const PROMPT_PREVIEW_LINES = 3;
/** Lines of the prompt the comment folds away below the preview, at most. */
const MAX_PROMPT_REST_LINES = 197;
/** A notice is short: its task folds fewer lines, and so always fits. */
const NOTICE_PROMPT_REST_LINES = 20;

/**
 * The hidden first line that finds a step's comment again. Job and step tell
 * steps apart; the idempotency key (stable across re-runs) tells matrix legs
 * apart. It is keyed with a secret (the Mogplex token): the key it is made
 * from can be public (a comment's id), and another app that could compute the
 * marker could plant a comment for this action to edit.
 */
export function commentMarker(context: WorkflowContext, idempotencyKey: string, secret: string): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_.-]/g, '_');
  const key = createHmac('sha256', `mogplex-run-action:${secret}`).update(idempotencyKey).digest('hex').slice(0, 24);
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

/** GitHub refuses a comment body longer than this (422). */
export const MAX_COMMENT_CHARS = 65_536;

/** The prompt's first lines as a quote, the rest (up to `restLines` of them) folded away. */
function promptSection(lines: string[], restLines: number): string[] {
  const quote = lines.slice(0, PROMPT_PREVIEW_LINES).map((line) => `> ${escapeMarkup(line, 300)}`);
  if (lines.length <= PROMPT_PREVIEW_LINES) return quote;
  const rest = lines.slice(PROMPT_PREVIEW_LINES, PROMPT_PREVIEW_LINES + restLines).map((line) => escapeMarkup(line, 300));
  const hidden = lines.length - PROMPT_PREVIEW_LINES - rest.length;
  const cut = hidden > 0 ? [`<br>… ${hidden} more lines of the prompt not shown.`] : [];
  return [
    ...quote,
    '',
    `<details><summary>The rest of the prompt (${lines.length - PROMPT_PREVIEW_LINES} more lines)</summary>`,
    '',
    [...rest, ...cut].join('<br>'),
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
  const lines = stripControls(view.prompt).trim().split('\n');
  if (view.prompt.trim() !== '') parts.push(...promptSection(lines, NOTICE_PROMPT_REST_LINES), '');
  parts.push(escapeMarkup(notice.message, 1000), '');
  // In a code span: a trigger phrase such as `@mogplex` would otherwise mention that account.
  if (notice.example) parts.push(`For example: \`${inline(notice.example, 200).replace(/`/g, "'")}\``, '');
  parts.push(logLink(view.context));
  return parts.join('\n') + '\n';
}

function eventRows(report: RunReport, count: number): string[] {
  if (report.recentEvents.length === 0) return [];
  const shown = report.recentEvents.slice(report.recentEvents.length - count);
  const rows = shown.map(
    (event) => `| ${escapeMarkup(event.type, 60)} | ${escapeMarkup(event.toolName ?? '', 60)} | ${escapeMarkup(event.message, 200)} |`,
  );
  const cut = shown.length < report.recentEvents.length ? ['', "_Some events are left out to fit GitHub's comment size limit._"] : [];
  return ['', '**Last events**', '', '| Type | Tool | Message |', '|---|---|---|', ...rows, ...cut];
}

function render(report: RunReport, view: CommentView, promptLines: string[], restLines: number, events: number): string {
  const { context } = view;
  const repoUrl = `${context.serverUrl}/${context.repository}`;
  const outcome = result(report);
  const parts = [
    view.marker,
    `### ${headline(report)}`,
    '',
    ...triggerLine(view.trigger),
    ...promptSection(promptLines, restLines),
    '',
    '| | |',
    '|---|---|',
    `| **Status** | ${escapeMarkup(report.run.status)} |`,
    ...(outcome === undefined ? [] : [`| **Result** | ${outcome} |`]),
    `| **Harness** | ${escapeMarkup(report.harness)} |`,
    `| **Branch** | ${branches(report, repoUrl)} |`,
    `| **Duration** | ${formatDuration(durationMs(report))} |`,
    `| **Run id** | ${escapeMarkup(report.run.runId)} |`,
    ...eventRows(report, events),
  ];
  if (report.failure) parts.push('', `**Error:** ${escapeMarkup(report.failure, 1000)}`);
  // A reply to a comment ends with what the asker wants to know: the pull request, or that nothing changed.
  else if (view.trigger && outcome !== undefined) parts.push('', `**${outcome}**`);
  parts.push('', logLink(context));
  return parts.join('\n') + '\n';
}

/**
 * The pull-request comment, as markdown, at most MAX_COMMENT_CHARS long: when
 * it would be longer, the prompt's folded lines go first, then the oldest
 * event rows, each with a note. Every value from the API or the prompt is escaped.
 */
export function renderComment(report: RunReport, view: CommentView, maxChars = MAX_COMMENT_CHARS): string {
  const lines = stripControls(view.prompt).trim().split('\n');
  let restLines = Math.min(Math.max(0, lines.length - PROMPT_PREVIEW_LINES), MAX_PROMPT_REST_LINES);
  let events = report.recentEvents.length;
  let body = render(report, view, lines, restLines, events);
  // Each step drops a share of what is left (at least one line or row), so a few renders find the fit.
  while (body.length > maxChars && restLines > 0) {
    restLines = Math.max(0, Math.min(restLines - 1, Math.floor(restLines * (maxChars / body.length) * 0.95)));
    body = render(report, view, lines, restLines, events);
  }
  while (body.length > maxChars && events > 0) body = render(report, view, lines, restLines, --events);
  return body;
}
