import type { MogplexClient } from '../api/client.js';
import { describeError } from '../api/errors.js';

/** The POST /runs the step sent: saved before sending, so a run that may have started can be found again. */
export interface StartAttempt {
  key: string;
  /** The body byte for byte (the server hashes the request). */
  body: string;
}

/** Each urgent request must land before the runner's SIGKILL (SIGINT + 10 s). */
const URGENT_TIMEOUT_MS = 2_500;

/**
 * Finds the run a start request may have created and cancels it. Replaying
 * the same POST /runs (same key, same body) makes Mogplex answer with that
 * run, never a new one. `settled`: nothing is left to cancel. Never throws.
 */
export async function cancelMaybeStarted(
  client: MogplexClient,
  attempt: StartAttempt,
): Promise<{ runId?: string; settled: boolean; said: string }> {
  const urgent = { urgent: true, timeoutMs: URGENT_TIMEOUT_MS };
  let runId: string;
  try {
    runId = (await client.sendStart(attempt.body, attempt.key, urgent)).runId;
  } catch (error) {
    return {
      settled: false,
      said: `Could not replay the start request to find the Mogplex run it may have started: ${describeError(error)}`,
    };
  }
  try {
    const result = await client.cancelRun(runId, urgent);
    return {
      runId,
      settled: true,
      said: result.alreadyTerminal
        ? `Mogplex run ${runId}, started by the interrupted request, had already ended.`
        : `Mogplex run ${runId}, started by the interrupted request, was found and its cancellation requested.`,
    };
  } catch (error) {
    return {
      runId,
      settled: false,
      said: `Found Mogplex run ${runId}, started by the interrupted request, but could not cancel it: ${describeError(error)}`,
    };
  }
}
