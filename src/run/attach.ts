import * as core from '@actions/core';
import type { MogplexClient } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import type { RunDetail } from '../api/schema.js';
import { STATE } from '../plumbing/state.js';
import { newReport, type RunReport } from '../report/report.js';
import type { Cancellation } from './cancellation.js';
import { resolveRepo } from './repo.js';

/** `run-id` names no run this token can see. */
export class RunNotVisibleError extends Error {
  override name = 'RunNotVisibleError';
}

/**
 * Takes up a run another step (or tool) started: the step starts nothing, and
 * from here follows, reports and, on a timeout or a cancelled job, cancels it
 * like a run it started. Its id is saved for the post step at once.
 */
export async function attach(runId: string, client: MogplexClient, cancel: Cancellation): Promise<{ report: RunReport; key: string }> {
  let run: RunDetail;
  try {
    run = await client.getRun(runId, cancel.signal);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    throw new RunNotVisibleError(
      `Input \`run-id\`: no Mogplex run ${runId} is visible to this token (an unknown id, or another user's run). ` +
        'Pass the `run-id` output of the step that started it, and use the same Mogplex token in both steps.',
    );
  }
  core.saveState(STATE.runId, run.runId);
  core.setOutput('run-id', run.runId);
  core.setOutput('triggered', 'true');
  // The repository's name: a pull request it delivers must be in it.
  const repo =
    run.repoId === null
      ? undefined
      : await resolveRepo(client, { kind: 'id', id: run.repoId.toLowerCase() }, cancel.signal).catch(() => undefined);
  const report = newReport({ ...run, replayed: false }, repo?.name ?? run.repoId ?? '');
  report.attached = true;
  return { report, key: `attach-${run.runId}` };
}
