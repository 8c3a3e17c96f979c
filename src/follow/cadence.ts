// When to read a run next. Pure (randomness is passed in), so the policy is
// tested without a clock. Steps of a matrix usually share one token (60
// requests a minute). Through the events stream (the newer server) one
// request brings every event, so the pace only governs the rare status reads;
// polling (the older server, or a stream that keeps failing) reads quickly
// only while events come or the end is announced, and otherwise spends little.
import type { RunEvent } from '../api/schema.js';

export interface Cadence {
  /** After a poll that brought events: this step's share of the budget, at most one a second. */
  activeMs: number;
  /** The slowest poll interval, reached step by step while the run stays quiet. */
  quietMs: number;
  /** After an event that announces the end (delivery, finished, failed): the status turns final within seconds. */
  endingMs: number;
  /**
   * Past the 200-event window only the status can be seen, and a quiet run
   * cannot be told from a busy one: a steady pace that still sees the end soon.
   */
  statusMs: number;
  /** The wait before the first poll, so steps started together do not poll in step. */
  firstMs: number;
  /** Each wait is scaled by a random factor in [1 - jitter, 1 + jitter] for the same reason. */
  jitter: number;
  /** An open stream quiet this long: read the status (a status change sends no frame). */
  streamQuietMs: number;
  /** Then again after this long while it stays quiet. */
  streamQuietLongMs: number;
  /** A run waiting for input: its status is read this often, to see it resume or end. */
  pausedMs: number;
}

/** 12 s, at most 15 s with jitter: a quiet poller sees the end within 15 s, and ten on one token use 50 of its 60 a minute. */
const QUIET_MS = 12_000;
const QUIET_GROWTH = 1.5;

export function cadenceFor(requestsPerMinute: number): Cadence {
  const activeMs = Math.max(1_000, Math.ceil(60_000 / requestsPerMinute));
  return {
    activeMs,
    quietMs: Math.max(activeMs, QUIET_MS),
    endingMs: Math.min(activeMs, 2_000),
    statusMs: Math.max(activeMs, 4_000),
    firstMs: Math.min(activeMs, 2_000),
    jitter: 0.25,
    streamQuietMs: 20_000,
    streamQuietLongMs: 60_000,
    pausedMs: Math.max(activeMs, 10_000),
  };
}

/** What a poll saw, as far as the pace is concerned. */
export interface PollSeen {
  /** New events came with this poll. */
  events: boolean;
  /** An event so far announced the end of the run. */
  ending: boolean;
}

/**
 * The next wait, before jitter, from the time since the previous poll: half
 * of it on events (down to the quick pace; a lone event, as runs record them,
 * does not set off a burst), the short pace once the end is announced, half
 * as long again while quiet (up to the quiet pace).
 */
export function nextInterval(cadence: Cadence, sincePreviousMs: number, seen: PollSeen): number {
  const since = Math.min(cadence.quietMs, sincePreviousMs);
  if (seen.events && seen.ending) return cadence.endingMs;
  if (seen.events) return Math.max(cadence.activeMs, Math.round(since / 2));
  return Math.min(cadence.quietMs, Math.round(since * QUIET_GROWTH));
}

/** `ms` scaled by a factor in [1 - jitter, 1 + jitter]; `random` returns [0, 1). */
export function jittered(cadence: Cadence, ms: number, random: () => number = Math.random): number {
  return Math.round(ms * (1 - cadence.jitter + 2 * cadence.jitter * random()));
}

const END_TYPES = new Set(['finished', 'failed', 'cancelled', 'cancel_requested']);
/** The events after which the stream route closes (the run may still go on: a pause, a second `failed`). */
const STREAM_CLOSING_TYPES = new Set(['finished', 'failed', 'cancelled']);

export function closesStream(event: RunEvent): boolean {
  return STREAM_CLOSING_TYPES.has(event.type);
}

/** The delivery event and the terminal events come seconds before the status turns final. */
export function announcesEnd(event: RunEvent): boolean {
  if (END_TYPES.has(event.type)) return true;
  const payload = event.payload;
  return typeof payload === 'object' && payload !== null && (payload as { stage?: unknown }).stage === 'git_delivery';
}
