// Follows a run to its end: through the events stream where the server has
// one, by polling where it has not (or while the stream keeps failing). A run
// ends at a terminal *status*, never at an event alone: the stream closes
// after a `finished` event that may only end one pass of a run that then
// waits for input (awaiting_input) and resumes in a new agent call.
import { NoStreamRoute, type MogplexClient, type StreamFrame } from '../api/client.js';
import { ApiError, TransportError } from '../api/errors.js';
import { AWAITING_INPUT, isTerminal, type RunDetail, type RunEvent } from '../api/schema.js';
import { sleep } from '../plumbing/sleep.js';
import { announcesEnd, closesStream, jittered, nextInterval, type Cadence } from './cadence.js';
import { EventLedger } from './ledger.js';
import { isNotFound, isPassing, NotFoundPatience } from './patience.js';

/** The most events one read of the events list can hold. */
export const EVENT_WINDOW = 200;
/** After a stream closed on an end event: a few of the latest events come with the status (one that followed it, too). */
const SETTLE_LIMIT = 50;
/** Reads of the status after an end event before the stream is opened again (the run may go on): 1, 2 and 3 s after it. */
const SETTLE_READS = 3;
const SETTLE_STEP_MS = 1_000;
/** Consecutive stream failures before polling for a while. */
const STREAM_FAILURES_BEFORE_POLLING = 3;
/** How long to poll before trying the stream again: after failures, and on a server without the route. */
const POLL_AFTER_FAILURES_MS = 60_000;
const POLL_WITHOUT_ROUTE_MS = 10 * 60_000;
/** Reconnect backoff after a stream that brought nothing: 1 s doubling to 15 s. */
const RECONNECT_MAX_MS = 15_000;

export type FollowEnd = 'terminal' | 'timeout' | 'aborted';

/** What following met that a person reading the log should know; none of it ends following. */
export type FollowNote =
  | { kind: 'poll-error'; error: Error }
  | { kind: 'stream-missing' }
  | { kind: 'stream-failing'; error: Error }
  | { kind: 'stream-back' }
  | { kind: 'garbled-frame'; reason: string }
  | { kind: 'events-lost' }
  | { kind: 'window-full'; shown: number }
  | { kind: 'new-segment' };

export interface FollowHandlers {
  onEvent(event: RunEvent): void;
  /** Every fresh read of the run (status changes, a new agent call, the end). */
  onRun(run: RunDetail): void;
  onNote(note: FollowNote): void;
}

export interface FollowOptions extends FollowHandlers {
  client: Pick<MogplexClient, 'listEvents' | 'getRun' | 'streamEvents'>;
  run: RunDetail;
  cadence: Cadence;
  /** Epoch ms at which following gives up. */
  deadline: number;
  /** Aborts when the job is cancelled. */
  signal: AbortSignal;
  /** For tests: the jitter's randomness. */
  random?: () => number;
}

/** Follows a run until its status is terminal, the deadline passes or the signal aborts; every event is handed on once. */
export async function followRun(options: FollowOptions): Promise<{ end: FollowEnd; run: RunDetail }> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error('timeout')), Math.max(0, options.deadline - Date.now()));
  const follower = new Follower(options, AbortSignal.any([options.signal, timeout.signal]));
  try {
    await follower.follow();
    return { end: 'terminal', run: follower.run };
  } catch (error) {
    if (options.signal.aborted) return { end: 'aborted', run: follower.run };
    if (timeout.signal.aborted) return { end: 'timeout', run: follower.run };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

class Follower {
  run: RunDetail;
  private readonly ledger = new EventLedger();
  /** Poll instead of streaming until then (0: stream). */
  private pollUntil = 0;
  /** The server answered the stream route with its HTML 404: it predates the route. */
  private olderServer = false;
  private streamFailures = 0;
  /** The older server lists a run's first 200 events only: past them, only the status is read. */
  private windowFull = false;
  private interval: number;
  private answeredAt: number | undefined;
  private ending = false;
  /** The last read of the run came with its latest events (an events read, not a status read). */
  private eventsCurrent = false;
  private pollFailures = 0;
  private readonly notFound = new NotFoundPatience();

  constructor(
    private readonly options: FollowOptions,
    private readonly stop: AbortSignal,
  ) {
    this.run = options.run;
    this.interval = options.cadence.firstMs;
  }

  async follow(): Promise<void> {
    while (!isTerminal(this.run.status)) {
      if (this.run.status === AWAITING_INPUT) await this.waitOutPause();
      else if (Date.now() >= this.pollUntil) await this.streamOnce();
      else await this.pollOnce();
    }
    // The end was seen in the status alone (a replayed run that had ended, a
    // status read while quiet or paused): its last events are read once.
    if (!this.eventsCurrent && !this.windowFull) await this.catchUp();
  }

  private get cadence(): Cadence {
    return this.options.cadence;
  }

  private jittered(ms: number): number {
    return jittered(this.cadence, ms, this.options.random);
  }

  private hand(events: readonly RunEvent[]): boolean {
    const fresh = this.ledger.take(events);
    for (const event of fresh) {
      this.ending ||= announcesEnd(event);
      this.options.onEvent(event);
    }
    return fresh.length > 0;
  }

  private setRun(run: RunDetail): void {
    const resumed = this.run.aiCallId !== null && run.aiCallId !== null && run.aiCallId !== this.run.aiCallId;
    this.run = run;
    this.eventsCurrent = false;
    this.notFound.reset();
    if (resumed) {
      // A new agent call: its events are listed afresh and the old Last-Event-ID is refused.
      this.ledger.newSegment();
      this.ending = false;
      this.options.onNote({ kind: 'new-segment' });
    }
    this.options.onRun(run);
  }

  /** A 404 is a load balancer's blip until it has lasted the patience; then the run counts as lost. */
  private async onNotFound(error: ApiError): Promise<void> {
    const retryIn = this.notFound.next();
    if (retryIn === undefined) throw error;
    this.options.onNote({ kind: 'poll-error', error });
    await sleep(retryIn, this.stop);
  }

  /** A failed read of the run: a 404 waits out its patience, a passing failure is said, anything else ends following. */
  private async tolerate(error: unknown): Promise<void> {
    if (this.stop.aborted) throw error;
    if (isNotFound(error)) await this.onNotFound(error);
    else if (isPassing(error)) this.options.onNote({ kind: 'poll-error', error });
    else throw error;
  }

  /** The end of a run already over: one read of its events. */
  private async catchUp(): Promise<void> {
    const page = await this.options.client.listEvents(this.run.runId, EVENT_WINDOW, this.stop);
    // A terminal status is final: an answer from a lagging server instance does not undo it.
    if (isTerminal(page.run.status) || !isTerminal(this.run.status)) this.setRun(page.run);
    this.hand(page.events);
  }

  /** One connection to the events stream, and what its end means. */
  private async streamOnce(): Promise<void> {
    const connection = new AbortController();
    const signal = AbortSignal.any([this.stop, connection.signal]);
    let lastFrameAt = Date.now();
    let progressed = false;
    let sawEnd = false;
    const onFrame = (frame: StreamFrame): void => {
      lastFrameAt = Date.now();
      if (frame.kind === 'garbled') return this.options.onNote({ kind: 'garbled-frame', reason: frame.reason });
      if (frame.kind === 'run') return this.setRun(frame.run);
      progressed = this.hand([frame.event]) || progressed;
      sawEnd ||= closesStream(frame.event);
    };
    // The stream says nothing of status: while it is quiet, the status is read now and then.
    let movedOn = false;
    const watch = this.watchQuietStream(
      signal,
      () => lastFrameAt,
      () => {
        movedOn = true;
        connection.abort();
      },
    );
    let failure: { error: unknown } | undefined;
    try {
      const lastEventId = this.ledger.lastId;
      await this.options.client.streamEvents(this.run.runId, { ...(lastEventId !== undefined && { lastEventId }), signal, onFrame });
    } catch (error) {
      failure = { error };
    } finally {
      connection.abort();
      await watch;
    }
    if (failure) {
      if (this.stop.aborted) throw failure.error;
      // The status watch saw the run end, pause or resume, and closed the connection.
      if (!movedOn) await this.onStreamError(failure.error);
      return;
    }
    this.notFound.reset();
    if (this.streamFailures >= STREAM_FAILURES_BEFORE_POLLING) this.options.onNote({ kind: 'stream-back' });
    if (progressed || sawEnd) this.streamFailures = 0;
    // The stream closed after an end event, or was cut (a drop, the platform's 800 s limit).
    if (sawEnd) await this.settle();
    else if (!progressed) await this.backOff(new TransportError('run events stream', 'the stream ended without new events'));
  }

  private async onStreamError(error: unknown): Promise<void> {
    if (error instanceof NoStreamRoute) {
      if (!this.olderServer) this.options.onNote({ kind: 'stream-missing' });
      this.olderServer = true;
      this.pollUntil = Date.now() + POLL_WITHOUT_ROUTE_MS;
      return;
    }
    if (error instanceof ApiError && error.status === 400 && this.ledger.lastId !== undefined) {
      // "Last-Event-ID does not belong to this run": the run was resumed in a new agent call.
      this.setRun(await this.options.client.getRun(this.run.runId, this.stop, true));
      this.ledger.newSegment();
      return;
    }
    if (isNotFound(error)) return this.onNotFound(error);
    if (!isPassing(error)) throw error;
    await this.backOff(error);
  }

  /** A stream that failed or brought nothing: wait longer each time, and poll for a while after several. */
  private async backOff(error: Error): Promise<void> {
    this.streamFailures += 1;
    if (this.streamFailures === STREAM_FAILURES_BEFORE_POLLING) {
      this.pollUntil = Date.now() + POLL_AFTER_FAILURES_MS;
      this.options.onNote({ kind: 'stream-failing', error });
      return;
    }
    await sleep(this.jittered(Math.min(RECONNECT_MAX_MS, 1_000 * 2 ** (this.streamFailures - 1))), this.stop);
  }

  /**
   * While the stream is open and quiet, reads the run now and then: a status
   * change sends no frame, a paused or resumed run leaves the stream silent,
   * and a connection can die without a word.
   */
  private async watchQuietStream(signal: AbortSignal, lastFrameAt: () => number, moveOn: () => void): Promise<void> {
    let quietMs = this.cadence.streamQuietMs;
    try {
      for (;;) {
        const due = lastFrameAt() + quietMs;
        if (Date.now() < due) {
          await sleep(due - Date.now(), signal);
          continue;
        }
        const seenAiCall = this.run.aiCallId;
        let run: RunDetail;
        try {
          run = await this.options.client.getRun(this.run.runId, signal, true);
        } catch (error) {
          if (signal.aborted) return;
          this.options.onNote({ kind: 'poll-error', error: error instanceof Error ? error : new Error(String(error)) });
          quietMs = this.cadence.streamQuietMs;
          await sleep(this.jittered(quietMs), signal);
          continue;
        }
        this.setRun(run);
        const moved = run.updatedAt !== null && Date.parse(run.updatedAt) > lastFrameAt() + 1_000;
        if (isTerminal(run.status) || run.status === AWAITING_INPUT || run.aiCallId !== seenAiCall || moved) {
          // A run that moved on past the last frame: the connection died silently; reconnect.
          moveOn();
          return;
        }
        quietMs = this.cadence.streamQuietLongMs;
        await sleep(this.jittered(quietMs), signal);
      }
    } catch {
      // Aborted: the connection is over.
    }
  }

  /**
   * After the stream closed on an end event: read the status (with the latest
   * events, so an event that came after the one the stream closed on is seen)
   * until it turns terminal, pauses, or the run goes on.
   */
  private async settle(): Promise<void> {
    for (let read = 0; read < SETTLE_READS; read++) {
      await sleep(this.jittered(SETTLE_STEP_MS * (read + 1)), this.stop);
      try {
        const page = await this.options.client.listEvents(this.run.runId, SETTLE_LIMIT, this.stop, true);
        const before = this.run.aiCallId;
        this.setRun(page.run);
        this.hand(page.events);
        this.eventsCurrent = true;
        if (isTerminal(page.run.status) || page.run.status === AWAITING_INPUT || page.run.aiCallId !== before) return;
      } catch (error) {
        await this.tolerate(error);
      }
    }
  }

  /** The run waits for input: read its status at the quiet pace until it resumes or ends. */
  private async waitOutPause(): Promise<void> {
    await sleep(this.jittered(this.cadence.pausedMs), this.stop);
    try {
      this.setRun(await this.options.client.getRun(this.run.runId, this.stop, true));
    } catch (error) {
      await this.tolerate(error);
    }
  }

  /** One poll of the events list (or, past the older server's window, of the status), at the cadence's pace. */
  private async pollOnce(): Promise<void> {
    await sleep(this.jittered(this.interval), this.stop);
    let events = false;
    try {
      if (this.windowFull) {
        this.setRun(await this.options.client.getRun(this.run.runId, this.stop, true));
      } else {
        const page = await this.options.client.listEvents(this.run.runId, EVENT_WINDOW, this.stop, true);
        const before = this.run.aiCallId;
        this.setRun(page.run);
        if (!this.olderServer && page.run.aiCallId === before && this.ledger.lostBefore(page.events, EVENT_WINDOW)) {
          this.options.onNote({ kind: 'events-lost' });
        }
        events = this.hand(page.events);
        this.eventsCurrent = true;
        // The older server lists a run's first 200 events: once they are there, no later event will be.
        if (this.olderServer && page.events.length >= EVENT_WINDOW) {
          this.windowFull = true;
          this.options.onNote({ kind: 'window-full', shown: this.ledger.count });
        }
      }
      this.pollFailures = 0;
    } catch (error) {
      if (this.stop.aborted) throw error;
      if (isNotFound(error)) return this.onNotFound(error);
      if (!isPassing(error)) throw error;
      this.options.onNote({ kind: 'poll-error', error });
      // A failed poll is tried again soon (it may have been the one to see the end), sooner than the pace allows.
      this.pollFailures += 1;
      this.interval = Math.min(this.interval, this.cadence.endingMs * 2 ** (this.pollFailures - 1));
      return;
    }
    const since = Date.now() - (this.answeredAt ?? Date.now() - this.interval);
    this.answeredAt = Date.now();
    this.interval = this.windowFull ? this.cadence.statusMs : nextInterval(this.cadence, since, { events, ending: this.ending });
  }
}
