import * as core from '@actions/core';
import { FIRST_MINUTE_SHARE, RequestBudget } from './api/budget.js';
import { MogplexClient, type StartRunRequest } from './api/client.js';
import { describeError } from './api/errors.js';
import type { RunDetail } from './api/schema.js';
import { commentMarker } from './comment.js';
import { cadenceFor } from './cadence.js';
import { followRun, type FollowEnd } from './follow.js';
import { readWorkflowContext, type WorkflowContext } from './github-context.js';
import { deriveIdempotencyKey } from './idempotency.js';
import { InputError, readSettings, type Settings } from './inputs.js';
import { JobLog, renderEnd, renderEvent, renderHeader, renderQuietEvent, renderStatusChange, renderWindowFull, untrusted } from './log.js';
import { outputsOf } from './outputs.js';
import { PullRequestComment } from './pr-comment.js';
import { resolveRepo } from './repo.js';
import { newReport, recordEvent, type RunReport } from './report.js';
import { inline, stripControls } from './sanitize.js';
import { STATE } from './state.js';
import { renderSummary } from './summary.js';

/** The cancel sent when the job stops must land before the runner's SIGKILL (SIGINT + 10 s). */
const URGENT_CANCEL_TIMEOUT_MS = 3_000;
/** A start request in flight when the job is cancelled gets this long to tell us the run id. */
const START_GRACE_MS = 5_000;

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

/** One step's run, from the moment it has an id: what it reports to, and how to stop it. */
class FollowedRun {
  constructor(
    readonly report: RunReport,
    private readonly settings: Settings,
    private readonly client: MogplexClient,
    private readonly log: JobLog,
    private readonly comment: PullRequestComment | undefined,
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
      const failure = terminalFailure(report.run);
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
  }

  /** Outputs, summary, comment and the step's verdict: written on every path that got a run id. */
  async finish(): Promise<void> {
    const { report } = this;
    report.finishedAt ??= Date.now();
    for (const [name, value] of Object.entries(outputsOf(report))) core.setOutput(name, value);
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
  const key = settings.idempotencyKey ?? deriveIdempotencyKey(context, request);
  const started = await client.startRun(request, key, cancel.hurry);
  core.saveState(STATE.runId, started.runId);
  core.setOutput('run-id', started.runId);
  return { report: newReport(started, repo.name), key };
}

export async function main(): Promise<void> {
  const context = readWorkflowContext();
  let settings: Settings;
  try {
    settings = readSettings({ getInput: (name) => core.getInput(name), context, onSecret: (secret) => core.setSecret(secret) });
  } catch (error) {
    core.setFailed(error instanceof InputError ? error.message : describeError(error));
    return;
  }
  const cancel = watchForCancel();
  const log = new JobLog();
  const client = new MogplexClient({
    apiUrl: settings.apiUrl,
    token: settings.token,
    budget: new RequestBudget(settings.requestsPerMinute, settings.shareFirstMinute ? { firstMinute: FIRST_MINUTE_SHARE } : {}),
    // core.debug escapes its data; at log-level debug the lines are printed like other untrusted text.
    debug:
      settings.logLevel === 'debug'
        ? (line) => log.print(untrusted([`[debug] ${inline(line, 500)}`], log.token()))
        : (line) => core.debug(line),
  });
  core.saveState(STATE.apiUrl, settings.apiUrl);

  let started: { report: RunReport; key: string };
  try {
    started = await start(settings, context, client, cancel);
  } catch (error) {
    core.setFailed(
      cancel.signal.aborted ? `The job was cancelled before the Mogplex run was started: ${describeError(error)}` : describeError(error),
    );
    return;
  }
  const { report } = started;
  log.print(renderHeader(report, log.token()));
  const comment = settings.commentOnPr
    ? await PullRequestComment.open({
        context,
        token: settings.githubToken,
        view: { marker: commentMarker(context, started.key), prompt: settings.prompt, context },
      })
    : undefined;
  const run = new FollowedRun(report, settings, client, log, comment);

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
