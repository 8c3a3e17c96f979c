import * as core from '@actions/core';
import { RequestBudget } from './api/budget.js';
import { MogplexClient } from './api/client.js';
import { describeError } from './api/errors.js';
import { readWorkflowContext } from './event/context.js';
import { readConnection } from './inputs/settings.js';
import { loadAttempt } from './run/attempt-file.js';
import { cancelMaybeStarted } from './run/may-have-started.js';
import { STATE } from './plumbing/state.js';

/**
 * The post step: a backstop for a main step that was killed before it could
 * cancel its run (the runner's SIGKILL, an out-of-memory kill). When the main
 * step saw its run to an end, or deliberately left it going, it sends nothing.
 */
export async function post(): Promise<void> {
  const runId = core.getState(STATE.runId);
  if (core.getState(STATE.done) === 'true' || (runId === '' && core.getState(STATE.startKey) === '')) return;
  const attempt = runId === '' ? loadAttempt() : undefined;
  if (runId === '' && attempt === undefined) {
    core.warning(
      'The main step stopped while starting a Mogplex run, and the saved start request could not be read back: check Mogplex for a run to cancel.',
    );
    return;
  }
  try {
    const { token } = readConnection({
      getInput: (name) => core.getInput(name),
      context: readWorkflowContext(),
      onSecret: (secret) => core.setSecret(secret),
    });
    const client = new MogplexClient({ apiUrl: core.getState(STATE.apiUrl), token, budget: new RequestBudget(60), timeoutMs: 10_000 });
    if (attempt) {
      // The main step stopped while its start request was in flight.
      core.info((await cancelMaybeStarted(client, attempt)).said);
      return;
    }
    const automationId = core.getState(STATE.automationId);
    if (automationId !== '') {
      const { alreadyEnded } = await client.cancelAutomationJob(automationId, runId);
      core.info(
        alreadyEnded
          ? `Automation job ${runId} had already ended.`
          : `The main step stopped before automation job ${runId} ended: it was cancelled.`,
      );
      return;
    }
    const result = await client.cancelRun(runId);
    core.info(
      result.alreadyTerminal
        ? `Mogplex run ${runId} had already ended.`
        : `The main step stopped before Mogplex run ${runId} ended: cancellation was requested.`,
    );
  } catch (error) {
    core.warning(`Could not cancel Mogplex run ${runId} from the post step: ${describeError(error)}`);
  }
}
