import * as core from '@actions/core';

/** A start request in flight when the job is cancelled gets this long to tell us the run id. */
const START_GRACE_MS = 4_000;

export interface Cancellation {
  /** Aborts on the runner's first SIGINT or SIGTERM. */
  signal: AbortSignal;
  /** Aborts a grace period later: the start request may not wait longer. */
  hurry: AbortSignal;
}

/** Installed before any request, so a cancel during the start request is not lost. */
export function watchForCancel(): Cancellation {
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
