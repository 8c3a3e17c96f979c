import * as core from '@actions/core';
import { RequestBudget } from './api/budget.js';
import { MogplexClient, type StartRunRequest } from './api/client.js';
import { describeError } from './api/errors.js';
import type { RunDetail, RunEvent } from './api/schema.js';
import { cadenceFor, followRun, type FollowEnd } from './follow.js';
import { readWorkflowContext, type WorkflowContext } from './github-context.js';
import { deriveIdempotencyKey } from './idempotency.js';
import { InputError, readSettings, type Settings } from './inputs.js';
import { JobLog, renderEnd, renderEvent, renderHeader, renderQuietEvent, renderStatusChange, renderWindowFull, untrusted } from './log.js';
import { outputsOf } from './outputs.js';
import { resolveRepo } from './repo.js';
import { newReport, recordEvent, type RunReport } from './report.js';
import { stripControls } from './sanitize.js';
import { renderSummary } from './summary.js';
import { STATE } from './state.js';

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

/** SIGINT / SIGTERM from the runner when the job is cancelled. Installed before any request. */
function watchForCancel(): { signal: AbortSignal; hurry: AbortSignal } {
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

async function finish(report: RunReport): Promise<void> {
  report.finishedAt ??= Date.now();
  for (const [name, value] of Object.entries(outputsOf(report))) core.setOutput(name, value);
  try {
    await core.summary.addRaw(renderSummary(report)).write();
  } catch (error) {
    core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (report.failure) core.setFailed(report.failure);
}

function terminalFailure(run: RunDetail): string | undefined {
  if (run.status === 'success') return undefined;
  const reason = run.error ? `: ${stripControls(run.error)}` : '';
  return `Mogplex run ${run.runId} ${run.status === 'cancelled' ? 'was cancelled' : 'failed'}${reason}`;
}

export async function main(): Promise<void> {
  const context: WorkflowContext = readWorkflowContext();
  let settings: Settings;
  try {
    settings = readSettings({ getInput: (name) => core.getInput(name), context, onSecret: (secret) => core.setSecret(secret) });
  } catch (error) {
    core.setFailed(error instanceof InputError ? error.message : describeError(error));
    return;
  }
  const cancel = watchForCancel();
  const log = new JobLog();
  const debug = settings.logLevel === 'debug' ? (line: string) => core.info(`[debug] ${line}`) : (line: string) => core.debug(line);
  const client = new MogplexClient({
    apiUrl: settings.apiUrl,
    token: settings.token,
    budget: new RequestBudget(settings.requestsPerMinute),
    debug,
  });
  core.saveState(STATE.apiUrl, settings.apiUrl);

  let report: RunReport;
  try {
    const repo = await resolveRepo(client, settings.repo, cancel.signal);
    // A job cancelled before the start request goes out starts nothing.
    cancel.signal.throwIfAborted();
    const request = buildStartRequest(settings, repo.id);
    const key = settings.idempotencyKey ?? deriveIdempotencyKey(context, request);
    const started = await client.startRun(request, key, cancel.hurry);
    core.saveState(STATE.runId, started.runId);
    core.setOutput('run-id', started.runId);
    report = newReport(started, repo.name);
  } catch (error) {
    core.setFailed(
      cancel.signal.aborted ? `The job was cancelled before the Mogplex run was started: ${describeError(error)}` : describeError(error),
    );
    return;
  }
  log.print(renderHeader(report, log.token()));

  const stopRun = async (why: string): Promise<void> => {
    try {
      const result = await client.cancelRun(report.run.runId, { urgent: true, timeoutMs: URGENT_CANCEL_TIMEOUT_MS });
      if (result.run) report.run = result.run;
      core.saveState(STATE.done, 'true');
      core.info(`${why}: cancellation of the Mogplex run was requested${result.alreadyTerminal ? ' (it had already ended)' : ''}.`);
    } catch (error) {
      core.warning(`${why}, but cancelling the Mogplex run failed; the post step will try again. ${describeError(error)}`);
    }
  };

  if (!settings.wait && !cancel.signal.aborted) {
    core.saveState(STATE.done, 'true');
    report.outcome = 'started';
    await finish(report);
    return;
  }

  let end: FollowEnd;
  try {
    const followed = cancel.signal.aborted
      ? { end: 'aborted' as const, run: report.run }
      : await followRun({
          client,
          run: report.run,
          cadence: cadenceFor(settings.requestsPerMinute),
          deadline: Date.now() + settings.timeoutMs,
          signal: cancel.signal,
          onEvent: (event: RunEvent) => {
            recordEvent(report, event);
            const render = settings.logLevel === 'quiet' ? renderQuietEvent : renderEvent;
            log.print(render(event, report.startedAt, log.token()));
          },
          onRun: (run) => {
            if (run.status !== report.run.status) log.print(renderStatusChange(report.run.status, run, log.token()));
            report.run = run;
          },
          onWindowFull: (shown) => {
            report.windowFull = shown;
            log.print(renderWindowFull(shown));
          },
          onPollError: (error) => log.print(untrusted([`Polling failed, will try again: ${describeError(error)}`], log.token())),
        });
    end = followed.end;
    report.run = followed.run;
  } catch (error) {
    report.outcome = 'error';
    report.failure = `Lost track of Mogplex run ${report.run.runId}: ${describeError(error)}`;
    await finish(report);
    return;
  }

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
      await stopRun(`timeout-minutes (${minutes}) reached`);
      report.failure = `Timed out after ${minutes} minutes (timeout-minutes); the Mogplex run ${report.run.runId} was cancelled.`;
    } else {
      core.saveState(STATE.done, 'true');
      report.failure =
        `Timed out after ${minutes} minutes (timeout-minutes); the Mogplex run ${report.run.runId} goes on (cancel-on-timeout: false). ` +
        `Follow it with \`mogplex runs events ${report.run.runId} --follow\`, or raise timeout-minutes.`;
    }
  } else {
    report.outcome = 'cancelled';
    await stopRun('The job was cancelled');
    report.failure = `The job was cancelled; cancellation of Mogplex run ${report.run.runId} was requested (last known status: ${report.run.status}).`;
  }
  log.print(renderEnd(report, log.token()));
  await finish(report);
  if (end === 'aborted') process.exit(1);
}
