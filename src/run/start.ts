import * as core from '@actions/core';
import { ApiError, describeError } from '../api/errors.js';
import type { MogplexClient, StartRunRequest } from '../api/client.js';
import type { StartedRun } from '../api/schema.js';
import type { Cancellation } from './cancellation.js';
import type { WorkflowContext } from '../event/context.js';
import { deriveIdempotencyKey } from './idempotency.js';
import type { Settings } from '../inputs/settings.js';
import { saveAttempt } from './attempt-file.js';
import { cancelMaybeStarted, type StartAttempt } from './may-have-started.js';
import { resolveRepo } from './repo.js';
import { newReport, type RunReport } from '../report/report.js';
import { inline } from '../plumbing/sanitize.js';
import { STATE } from '../plumbing/state.js';

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
export async function start(
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
  saveAttempt(attempt);
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

/**
 * Why the step failed to start a run, after cleaning up a run the failed
 * request may have started; also sets the `error` output (redacted, one line).
 */
export async function startFailure(
  client: MogplexClient,
  error: unknown,
  cancelled: boolean,
  redact: (text: string) => string,
): Promise<string> {
  if (error instanceof StartFailed) await cleanUpStart(client, error, cancelled);
  const reason = redact(describeError(error instanceof StartFailed ? error.error : error));
  core.setOutput('error', inline(reason, 2000));
  if (!cancelled) return reason;
  return error instanceof StartFailed
    ? `The job was cancelled while the Mogplex run was being started: ${reason}`
    : `The job was cancelled before the Mogplex run was started: ${reason}`;
}
