import * as core from '@actions/core';
import { FIRST_MINUTE_SHARE, RequestBudget } from './api/budget.js';
import { MogplexClient, type StartRunRequest } from './api/client.js';
import { ApiError, describeError } from './api/errors.js';
import type { RunDetail, StartedRun } from './api/schema.js';
import { commentMarker } from './github/comment-body.js';
import { applyDeliveryNews, readDeliveryNews } from './delivery.js';
import { EventsFile } from './events-file.js';
import { cadenceFor } from './cadence.js';
import { followRun, type FollowEnd } from './follow.js';
import { readBranchHead } from './github/branch-head.js';
import { readWorkflowContext, type WorkflowContext } from './event/context.js';
import { githubErrorText } from './github/octokit.js';
import { deriveIdempotencyKey } from './idempotency.js';
import { InputError } from './input-error.js';
import { readSettings, type Settings } from './inputs.js';
import {
  JobLog,
  renderDelivery,
  renderEnd,
  renderEvent,
  renderHeader,
  renderQuietEvent,
  renderStatusChange,
  renderWindowFull,
  untrusted,
} from './log.js';
import { outputsOf } from './outputs.js';
import { isCommentEvent } from './event/comment-event.js';
import { commentTrigger } from './github/comment-trigger.js';
import { TrackingComment } from './github/tracking-comment.js';
import { resolveRepo } from './repo.js';
import { newReport, recordEvent, type RunReport } from './report.js';
import { inline, stripControls } from './sanitize.js';
import { STATE } from './state.js';
import { cancelMaybeStarted, type StartAttempt } from './may-have-started.js';
import { Secrets } from './secrets.js';
import { renderSummary } from './summary.js';

/** The cancel sent when the job stops must land before the runner's SIGKILL (SIGINT + 10 s). */
const URGENT_CANCEL_TIMEOUT_MS = 3_000;
/** A start request in flight when the job is cancelled gets this long to tell us the run id. */
const START_GRACE_MS = 4_000;

export function buildStartRequest(settings: Settings, repoId: string): StartRunRequest {
  return {
    repoId,
    prompt: settings.prompt,
    harness: settings.harness,
    ...(settings.baseBranch !== undefined && { baseBranch: settings.baseBranch }),
    ...(settings.workingBranch !== undefined && { workingBranch: settings.workingBranch }),
    ...(settings.createBranch && { createBranch: true }),
    ...(settings.rootDirectory !== undefined && { rootDirectory: settings.rootDirectory }),
    ...(settings.mode !== undefined && { mode: settings.mode }),
  };
}

interface Cancellation {
  /** Aborts on the runner's first SIGINT or SIGTERM. */
  signal: AbortSignal;
  /** Aborts a grace period later: the start request may not wait longer. */
  hurry: AbortSignal;
}

/** Installed before any request, so a cancel during the start request is not lost. */
function watchForCancel(): Cancellation {
  const cancelled = new AbortController();
  const hurry = new AbortController();
  const onSignal = (name: NodeJS.Signals): void => {
    if (cancelled.signal.aborted) return;
    core.info(`Received ${name}: the job is being cancelled.`);
    cancelled.abort(new Error(`job cancelled (${name})`));
    setTimeout(() => hurry.abort(cancelled.signal.reason), START_GRACE_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { signal: cancelled.signal, hurry: hurry.signal };
}

/** Where the run is reported on GitHub: the `comment-on-pr` comment, or comment mode's tracking comment and reactions. */
interface RunComment {
  publish(report: RunReport): Promise<void>;
}

/** One step's run, from the moment it has an id: what it reports to, and how to stop it. */
class FollowedRun {
  constructor(
    readonly report: RunReport,
    private readonly settings: Settings,
    private readonly context: WorkflowContext,
    private readonly client: MogplexClient,
    private readonly log: JobLog,
    private readonly comment: RunComment | undefined,
    private readonly events = new EventsFile(report.run.runId, (message) => core.warning(message)),
  ) {}

  /** Follows the run until it ends, times out or the job is cancelled, and settles the report. */
  async follow(cancel: Cancellation): Promise<FollowEnd> {
    const { report, settings, log } = this;
    const followed = await followRun({
      client: this.client,
      run: report.run,
      cadence: cadenceFor(settings.requestsPerMinute),
      deadline: Date.now() + settings.timeoutMs,
      signal: cancel.signal,
      onEvent: (event) => {
        recordEvent(report, event);
        this.events.append(event);
        const news = readDeliveryNews(event);
        if (news) {
          applyDeliveryNews(report, news);
          for (const refused of news.refused ?? []) core.warning(`Ignored a value from Mogplex: ${inline(refused, 300)}`);
        }
        const render = settings.logLevel === 'quiet' ? renderQuietEvent : renderEvent;
        log.print(render(event, report.startedAt, log.token()));
      },
      onRun: (run) => {
        const changed = run.status !== report.run.status;
        if (changed) log.print(renderStatusChange(report.run.status, run, log.token()));
        report.run = run;
        if (changed) void this.comment?.publish(report);
      },
      onWindowFull: (shown) => {
        report.windowFull = shown;
        log.print(renderWindowFull(shown));
      },
      onPollError: (error) => {
        log.print(untrusted([`Polling failed, will try again: ${describeError(error)}`], log.token()));
      },
    });
    report.run = followed.run;
    return followed.end;
  }

  /** Sets the outcome for how following ended; cancels the run where that is asked for. */
  async conclude(end: FollowEnd): Promise<void> {
    const { report, settings } = this;
    const runId = report.run.runId;
    const minutes = settings.timeoutMs / 60_000;
    if (end === 'terminal') {
      core.saveState(STATE.done, 'true');
      if (report.run.status === 'success') await this.confirmChanged();
      const failure = terminalFailure(report.run) ?? this.unchanged();
      report.outcome = failure ? 'failed' : 'success';
      if (failure) report.failure = failure;
      const updated = report.run.updatedAt ? Date.parse(report.run.updatedAt) : NaN;
      report.finishedAt = Number.isNaN(updated) ? Date.now() : updated;
    } else if (end === 'timeout') {
      report.outcome = 'timeout';
      if (settings.cancelOnTimeout) {
        await this.cancel(`timeout-minutes (${minutes}) reached`);
        report.failure = `Timed out after ${minutes} minutes (timeout-minutes); the Mogplex run ${runId} was cancelled.`;
      } else {
        core.saveState(STATE.done, 'true');
        report.failure =
          `Timed out after ${minutes} minutes (timeout-minutes); the Mogplex run ${runId} goes on (cancel-on-timeout: false). ` +
          `Follow it with \`mogplex runs events ${runId} --follow\`, or raise timeout-minutes.`;
      }
    } else {
      report.outcome = 'cancelled';
      await this.cancel('The job was cancelled');
      report.failure = `The job was cancelled; cancellation of Mogplex run ${runId} was requested (last known status: ${report.run.status}).`;
    }
    this.log.print(renderEnd(report, this.log.token()));
    this.log.print(renderDelivery(report, this.log.token()));
    if (report.delivery?.pullRequestUrl) core.notice(`Mogplex run ${report.run.runId}: pull request ${report.delivery.pullRequestUrl}`);
  }

  /**
   * On a pull request's own branch the server's `changed` only says the branch
   * is ahead of its base: whether this run added commits shows in its head.
   */
  private async confirmChanged(): Promise<void> {
    const { report, settings } = this;
    const head = settings.pullRequestHead;
    if (!head || !report.delivery || (report.agentBranch ?? report.run.branch.working) !== head.branch) return;
    const fallback = "`changed` says only that the branch is ahead of its base (Mogplex's view)";
    if (settings.githubToken === '') {
      core.warning(`No \`github-token\` to read the head of ${head.branch}; ${fallback}.`);
      return;
    }
    try {
      report.delivery.changed = (await readBranchHead(this.context, settings.githubToken, head.branch)) !== head.sha;
    } catch (error) {
      core.warning(`Could not read the head of ${head.branch} from GitHub (${inline(githubErrorText(error), 300)}); ${fallback}.`);
    }
  }

  /** With require-changes, a successful run that changed nothing fails the step. */
  private unchanged(): string | undefined {
    const { report } = this;
    if (!this.settings.requireChanges || report.delivery?.changed === true) return undefined;
    return report.delivery
      ? `Mogplex run ${report.run.runId} succeeded but changed no code, and \`require-changes\` is true.`
      : `Mogplex run ${report.run.runId} succeeded but recorded no delivery, so it cannot be shown to have changed code, and \`require-changes\` is true.`;
  }

  /** Outputs, summary, comment and the step's verdict: written on every path that got a run id. */
  async finish(): Promise<void> {
    const { report } = this;
    report.finishedAt ??= Date.now();
    this.events.close(report.run);
    const outputs = outputsOf(report);
    for (const warning of outputs.warnings) core.warning(warning);
    for (const [name, value] of Object.entries(outputs.values)) core.setOutput(name, value);
    core.setOutput('events-file', this.events.path);
    try {
      await core.summary.addRaw(renderSummary(report)).write();
    } catch (error) {
      core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (report.failure) core.setFailed(report.failure);
    await this.comment?.publish(report);
  }

  private async cancel(why: string): Promise<void> {
    try {
      const result = await this.client.cancelRun(this.report.run.runId, { urgent: true, timeoutMs: URGENT_CANCEL_TIMEOUT_MS });
      if (result.run) this.report.run = result.run;
      core.saveState(STATE.done, 'true');
      core.info(`${why}: cancellation of the Mogplex run was requested${result.alreadyTerminal ? ' (it had already ended)' : ''}.`);
    } catch (error) {
      core.warning(`${why}, but cancelling the Mogplex run failed; the post step will try again. ${describeError(error)}`);
    }
  }
}

function terminalFailure(run: RunDetail): string | undefined {
  if (run.status === 'success') return undefined;
  const reason = run.error ? `: ${stripControls(run.error)}` : '';
  return `Mogplex run ${run.runId} ${run.status === 'cancelled' ? 'was cancelled' : 'failed'}${reason}`;
}

/** The start request failed: it may still have created a run (it was cut short, or its answer was lost). */
class StartFailed extends Error {
  constructor(
    readonly error: unknown,
    readonly attempt: StartAttempt,
  ) {
    super(describeError(error));
  }
}

/** Mogplex refused the start outright, or the request was redirected away: no run exists. */
function refused(error: unknown): boolean {
  return error instanceof ApiError && error.status < 500;
}

/** Resolves the repo and starts the run; the run id is saved for the post step as soon as it is known. */
async function start(
  settings: Settings,
  context: WorkflowContext,
  client: MogplexClient,
  cancel: Cancellation,
): Promise<{ report: RunReport; key: string }> {
  const repo = await resolveRepo(client, settings.repo, cancel.signal);
  // A job cancelled before the start request goes out starts nothing.
  cancel.signal.throwIfAborted();
  const request = buildStartRequest(settings, repo.id);
  const attempt = { key: settings.idempotencyKey ?? deriveIdempotencyKey(context, request), body: JSON.stringify(request) };
  // Saved before sending: from here a run may exist before its id is known.
  core.saveState(STATE.startKey, attempt.key);
  core.saveState(STATE.startBody, attempt.body);
  let started: StartedRun;
  try {
    started = await client.sendStart(attempt.body, attempt.key, { signal: cancel.hurry });
  } catch (error) {
    if (refused(error)) core.saveState(STATE.done, 'true');
    throw refused(error) ? error : new StartFailed(error, attempt);
  }
  core.saveState(STATE.runId, started.runId);
  core.setOutput('run-id', started.runId);
  core.setOutput('triggered', 'true');
  return { report: newReport(started, repo.name), key: attempt.key };
}

/** The start failed without a definite answer: find the run it may have started and cancel it, now. */
async function cleanUpStart(client: MogplexClient, failure: StartFailed, cancelled: boolean): Promise<void> {
  core.warning(
    `${cancelled ? 'The job was cancelled while the start request was in flight' : 'The start request got no definite answer'}: ` +
      'a Mogplex run may have started. Replaying the request to find it and cancel it.',
  );
  const { runId, settled, said } = await cancelMaybeStarted(client, failure.attempt);
  core.info(said);
  if (runId !== undefined) {
    core.setOutput('run-id', runId);
    core.saveState(STATE.runId, runId);
  }
  // Otherwise the post step tries again.
  if (settled) core.saveState(STATE.done, 'true');
}

export async function main(): Promise<void> {
  const context = readWorkflowContext();
  const secrets = new Secrets();
  // The job's GITHUB_TOKEN is masked by the runner; it is cut out of what Mogplex answers too.
  secrets.add(core.getInput('github-token'));
  const getInput = (name: string) => core.getInput(name);
  const onSecret = (secret: string): void => {
    core.setSecret(secret);
    secrets.add(secret);
  };
  // Comment mode: the comment starts a run only when it asks for one and its author may.
  const trigger = isCommentEvent(context.eventName) ? await commentTrigger({ context, getInput, onSecret }) : undefined;
  if (trigger && !trigger.triggered) {
    core.setOutput('triggered', 'false');
    if (trigger.error) core.setFailed(trigger.error);
    return;
  }
  const asked = trigger?.run;
  const fail = async (message: string): Promise<void> => {
    core.setFailed(message);
    await asked?.fail(message);
  };
  let settings: Settings;
  try {
    settings = readSettings({
      getInput,
      context,
      onSecret,
      onWarning: (message) => core.warning(message),
      standingPrompt: asked !== undefined,
    });
    if (asked) settings = asked.apply(settings, context);
  } catch (error) {
    await fail(error instanceof InputError ? error.message : describeError(error));
    return;
  }
  const cancel = watchForCancel();
  const log = new JobLog();
  const client = new MogplexClient({
    apiUrl: settings.apiUrl,
    token: settings.token,
    budget: new RequestBudget(settings.requestsPerMinute, settings.shareFirstMinute ? { firstMinute: FIRST_MINUTE_SHARE } : {}),
    redact: (text) => secrets.redact(text),
    redactJson: (value) => secrets.redactJson(value),
    // core.debug escapes its data; at log-level debug the lines are printed like other untrusted text.
    debug:
      settings.logLevel === 'debug'
        ? (line) => log.print(untrusted([`[debug] ${inline(line, 500)}`], log.token()))
        : (line) => core.debug(line),
    onMoved: (from, to) => {
      core.info(
        `The Mogplex API answers at ${to}, not ${from}: set \`api-url\` to ${to} (or leave it empty for the default) to save a redirect.`,
      );
      core.saveState(STATE.apiUrl, to);
    },
  });
  core.saveState(STATE.apiUrl, settings.apiUrl);

  let started: { report: RunReport; key: string };
  try {
    started = await start(settings, context, client, cancel);
  } catch (error) {
    if (error instanceof StartFailed) await cleanUpStart(client, error, cancel.signal.aborted);
    const reason = secrets.redact(describeError(error instanceof StartFailed ? error.error : error));
    core.setOutput('error', inline(reason, 2000));
    await fail(
      !cancel.signal.aborted
        ? reason
        : error instanceof StartFailed
          ? `The job was cancelled while the Mogplex run was being started: ${reason}`
          : `The job was cancelled before the Mogplex run was started: ${reason}`,
    );
    return;
  }
  const { report } = started;
  log.print(renderHeader(report, log.token()));
  const comment =
    asked ??
    (settings.commentOnPr
      ? await TrackingComment.open({
          context,
          token: settings.githubToken,
          view: { marker: commentMarker(context, started.key), prompt: secrets.redact(settings.prompt), context },
        })
      : undefined);
  const run = new FollowedRun(report, settings, context, client, log, comment);

  if (!settings.wait && !cancel.signal.aborted) {
    core.saveState(STATE.done, 'true');
    report.outcome = 'started';
    await run.finish();
    return;
  }
  // Not awaited: a slow GitHub must not hold up following (or a cancel); writes stay in order.
  void comment?.publish(report);
  let end: FollowEnd;
  try {
    end = cancel.signal.aborted ? 'aborted' : await run.follow(cancel);
  } catch (error) {
    report.outcome = 'error';
    report.failure = `Lost track of Mogplex run ${report.run.runId}: ${describeError(error)}`;
    await run.finish();
    return;
  }
  await run.conclude(end);
  await run.finish();
  if (end === 'aborted') process.exit(1);
}
