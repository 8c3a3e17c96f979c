// Follows an automation job: no stream and no events route, only the job's
// detail, which carries every event so far and grows with the run. It is read
// at the polling cadence (each read bounded in size and time by the client),
// and only events not seen before are handed on.
import type { MogplexClient } from '../api/client.js';
import { isTerminal, type AutomationJob, type RunEvent } from '../api/schema.js';
import { sleep } from '../plumbing/sleep.js';
import { announcesEnd, jittered, nextInterval, type Cadence } from './cadence.js';
import type { FollowEnd, FollowNote } from './follower.js';
import { EventLedger } from './ledger.js';
import { isNotFound, isPassing, NotFoundPatience } from './patience.js';

export interface AutomationFollowOptions {
  client: Pick<MogplexClient, 'getAutomationJob'>;
  automationId: string;
  jobRunId: string;
  cadence: Cadence;
  deadline: number;
  signal: AbortSignal;
  onEvent(event: RunEvent): void;
  onJob(job: AutomationJob): void;
  onNote(note: FollowNote): void;
  random?: () => number;
}

export async function followAutomationJob(options: AutomationFollowOptions): Promise<FollowEnd> {
  const { cadence } = options;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error('timeout')), Math.max(0, options.deadline - Date.now()));
  const stop = AbortSignal.any([options.signal, timeout.signal]);
  const ledger = new EventLedger();
  let interval = cadence.firstMs;
  let ending = false;
  let failures = 0;
  const notFound = new NotFoundPatience();
  try {
    for (let status = ''; !isTerminal(status);) {
      await sleep(jittered(cadence, interval, options.random), stop);
      const askedAt = Date.now();
      let job: AutomationJob;
      try {
        job = await options.client.getAutomationJob(options.automationId, options.jobRunId, stop);
      } catch (error) {
        if (stop.aborted) throw error;
        if (isNotFound(error)) {
          const retryIn = notFound.next();
          if (retryIn === undefined) throw error;
          interval = retryIn;
        } else if (isPassing(error)) {
          failures += 1;
          interval = Math.min(cadence.quietMs, cadence.endingMs * 2 ** (failures - 1));
        } else {
          throw error;
        }
        options.onNote({ kind: 'poll-error', error });
        continue;
      }
      failures = 0;
      notFound.reset();
      options.onJob(job);
      const fresh = ledger.take(job.events);
      for (const event of fresh) {
        ending ||= announcesEnd(event);
        options.onEvent(event);
      }
      status = job.status;
      interval = nextInterval(cadence, Math.max(interval, Date.now() - askedAt), { events: fresh.length > 0, ending });
    }
    return 'terminal';
  } catch (error) {
    if (options.signal.aborted) return 'aborted';
    if (timeout.signal.aborted) return 'timeout';
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
