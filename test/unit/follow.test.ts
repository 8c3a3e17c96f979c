import { describe, expect, it, vi } from 'vitest';
import { NoStreamRoute, type StreamFrame } from '../../src/api/client.js';
import { ApiError, TransportError } from '../../src/api/errors.js';
import type { EventsPage, RunDetail, RunEvent } from '../../src/api/schema.js';
import type { Cadence } from '../../src/follow/cadence.js';
import { EVENT_WINDOW, followRun, type FollowNote, type FollowOptions } from '../../src/follow/follower.js';
import { notFoundRetryDelay, NOT_FOUND_PATIENCE_MS } from '../../src/follow/patience.js';
import { runDetail, runEvent } from './fixtures.js';

const baseRun: RunDetail = runDetail();
const FAST: Cadence = {
  activeMs: 1,
  quietMs: 4,
  endingMs: 1,
  statusMs: 2,
  firstMs: 0,
  jitter: 0,
  streamQuietMs: 30,
  streamQuietLongMs: 30,
  pausedMs: 2,
};

function event(n: number, extra: Partial<RunEvent> = {}): RunEvent {
  return runEvent({ id: `e${n}`, message: `event ${n}`, ...extra });
}

function events(from: number, to: number): RunEvent[] {
  return Array.from({ length: to - from + 1 }, (_, i) => event(from + i));
}

const finished = (n: number): RunEvent => event(n, { type: 'finished', message: 'Harness run finished' });
const run = (status: string, extra: Partial<RunDetail> = {}): RunDetail => ({ ...baseRun, status, ...extra });
const page = (status: string, list: RunEvent[], extra: Partial<RunDetail> = {}): EventsPage => ({ run: run(status, extra), events: list });

/** One stream connection: frames, then how it ends; `hang` stays open until aborted. */
type Connection = { frames: StreamFrame[]; end?: 'closed' | 'dropped'; hang?: boolean } | Error;
const frames = (list: RunEvent[], end: 'closed' | 'dropped' = 'closed', runFrame?: RunDetail): Connection => ({
  frames: [...(runFrame ? [{ kind: 'run' as const, run: runFrame }] : []), ...list.map((e) => ({ kind: 'event' as const, event: e }))],
  end,
});

/** A client answering from scripts (each repeats its last answer), recording calls. */
function scripted(script: { streams?: Connection[]; pages?: Array<EventsPage | Error>; runs?: Array<RunDetail | Error> }) {
  const calls: string[] = [];
  const at = { stream: 0, page: 0, run: 0 };
  const next = <T>(list: T[] | undefined, key: keyof typeof at): T => {
    if (!list || list.length === 0) throw new Error(`unscripted ${key}`);
    return list[Math.min(at[key]++, list.length - 1)]!;
  };
  const client: FollowOptions['client'] = {
    listEvents: async (_id, limit) => {
      calls.push(`events:${limit}`);
      const step = next(script.pages, 'page');
      if (step instanceof Error) throw step;
      return step;
    },
    getRun: async () => {
      calls.push('run');
      const step = next(script.runs, 'run');
      if (step instanceof Error) throw step;
      return step;
    },
    streamEvents: async (_id, { lastEventId, signal, onFrame }) => {
      calls.push(`stream${lastEventId ? `@${lastEventId}` : ''}`);
      const step = next(script.streams ?? [new NoStreamRoute()], 'stream');
      if (step instanceof Error) throw step;
      for (const frame of step.frames) onFrame(frame);
      if (step.hang) {
        await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
      }
      return step.end ?? 'closed';
    },
  };
  return { client, calls };
}

function follow(client: FollowOptions['client'], extra: Partial<FollowOptions> = {}) {
  const seen: string[] = [];
  const statuses: string[] = [];
  const notes: FollowNote[] = [];
  const result = followRun({
    client,
    run: baseRun,
    cadence: FAST,
    deadline: Date.now() + 10_000,
    signal: new AbortController().signal,
    onEvent: (e) => seen.push(e.id),
    onRun: (r) => statuses.push(r.status),
    onNote: (n) => notes.push(n),
    ...extra,
  });
  return { result, seen, statuses, notes, kinds: () => notes.map((n) => n.kind) };
}

describe('following through the events stream', () => {
  it('hands on every frame, and after the stream closes on `finished` reads the status (with the latest events) until it is terminal', async () => {
    const { client, calls } = scripted({
      streams: [frames([...events(1, 3), finished(4)], 'closed', run('streaming'))],
      pages: [page('streaming', [...events(1, 3), finished(4)]), page('success', [...events(1, 3), finished(4), event(5)])],
    });
    const f = follow(client);
    await expect(f.result).resolves.toMatchObject({ end: 'terminal', run: { status: 'success' } });
    // An event that came after the one the stream closed on is still seen.
    expect(f.seen).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(calls).toEqual(['stream', 'events:50', 'events:50']);
  });

  it('reconnects with Last-Event-ID after a drop, and hands on nothing twice whatever the replay repeats', async () => {
    const { client, calls } = scripted({
      streams: [frames(events(1, 3), 'dropped'), frames([...events(2, 6), finished(7)])],
      pages: [page('success', [])],
    });
    const f = follow(client);
    await expect(f.result).resolves.toMatchObject({ end: 'terminal' });
    expect(f.seen).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7']);
    expect(calls.slice(0, 2)).toEqual(['stream', 'stream@e3']);
  });

  it('does not end at `finished` when the run then waits for input; follows the resumed run in its new agent call', async () => {
    const { client, calls } = scripted({
      streams: [frames([...events(1, 2), finished(3)]), frames([event(10), finished(11)])],
      pages: [page('awaiting_input', []), page('success', [event(10), finished(11)], { aiCallId: 'call-2' })],
      runs: [run('awaiting_input'), run('streaming', { aiCallId: 'call-2' })],
    });
    const f = follow(client);
    await expect(f.result).resolves.toMatchObject({ end: 'terminal', run: { status: 'success', aiCallId: 'call-2' } });
    expect(f.seen).toEqual(['e1', 'e2', 'e3', 'e10', 'e11']);
    expect(f.statuses).toContain('awaiting_input');
    expect(f.kinds()).toContain('new-segment');
    // The new agent call's stream starts without the old Last-Event-ID (the server would refuse it).
    expect(calls).toEqual(['stream', 'events:50', 'run', 'run', 'stream', 'events:50']);
  });

  it('a Last-Event-ID refused with 400 (the run resumed): reads the run and reconnects from its new agent call', async () => {
    const refused = new ApiError(400, 'BAD_REQUEST', 'Last-Event-ID does not belong to this run', 'run events stream');
    const { client, calls } = scripted({
      streams: [frames(events(1, 2), 'dropped'), refused, frames([event(10), finished(11)])],
      runs: [run('streaming', { aiCallId: 'call-2' })],
      pages: [page('success', [], { aiCallId: 'call-2' })],
    });
    const f = follow(client);
    await expect(f.result).resolves.toMatchObject({ end: 'terminal' });
    expect(calls.slice(0, 4)).toEqual(['stream', 'stream@e2', 'run', 'stream']);
    expect(f.seen).toEqual(['e1', 'e2', 'e10', 'e11']);
  });

  it('reads the status while the stream is quiet, and ends at a terminal status that sent no event', async () => {
    const { client, calls } = scripted({
      streams: [{ frames: [{ kind: 'event', event: event(1) }], hang: true }],
      runs: [run('streaming'), run('cancelled')],
      pages: [page('cancelled', [event(1), event(2)])],
    });
    const f = follow(client);
    await expect(f.result).resolves.toMatchObject({ end: 'terminal', run: { status: 'cancelled' } });
    // The end was seen in the status alone: the last events are read once.
    expect(calls).toEqual(['stream', 'run', 'run', `events:${EVENT_WINDOW}`]);
    expect(f.seen).toEqual(['e1', 'e2']);
  });

  it('falls back to polling on a server without the stream route (its HTML 404), said once', async () => {
    const { client, calls } = scripted({
      streams: [new NoStreamRoute()],
      pages: [page('streaming', events(1, 2)), page('success', events(1, 3))],
    });
    const f = follow(client);
    await expect(f.result).resolves.toMatchObject({ end: 'terminal' });
    expect(f.seen).toEqual(['e1', 'e2', 'e3']);
    expect(calls).toEqual(['stream', `events:${EVENT_WINDOW}`, `events:${EVENT_WINDOW}`]);
    expect(f.kinds()).toEqual(['stream-missing']);
  });

  it('polls for a while after the stream fails three times, then tries it again', async () => {
    const down = new ApiError(503, 'SERVICE_UNAVAILABLE', '', 'run events stream');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const { client, calls } = scripted({
        streams: [down, down, down, frames([finished(9)])],
        pages: [page('streaming', events(1, 1))],
      });
      // The run ends once the stream is back: polls until then see it going on.
      const ends = {
        ...client,
        listEvents: async (...args: Parameters<typeof client.listEvents>) =>
          calls.includes('stream@e1') ? (calls.push('events:end'), page('success', [finished(9)])) : client.listEvents(...args),
      };
      const f = follow(ends, { cadence: { ...FAST, quietMs: 10_000, activeMs: 10_000 }, deadline: Date.now() + 600_000 });
      await vi.advanceTimersByTimeAsync(120_000);
      await expect(f.result).resolves.toMatchObject({ end: 'terminal' });
      expect(f.kinds()).toContain('stream-failing');
      expect(calls.slice(0, 4)).toEqual(['stream', 'stream', 'stream', `events:${EVENT_WINDOW}`]);
      expect(calls).toContain('stream@e1');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('following by polling (older server)', () => {
  it('de-duplicates by id, never by position: a moving window of the latest events', async () => {
    const { client } = scripted({
      pages: [page('streaming', events(1, 3)), page('streaming', events(3, 6)), page('success', events(5, 8))],
    });
    const f = follow(client);
    await expect(f.result).resolves.toMatchObject({ end: 'terminal' });
    expect(f.seen).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8']);
  });

  it('says when events were lost to the window between two polls (the newer server, stream failing)', async () => {
    const down = new ApiError(503, 'SERVICE_UNAVAILABLE', '', 'run events stream');
    const { client } = scripted({
      streams: [down, down, down],
      pages: [page('streaming', events(1, EVENT_WINDOW)), page('success', events(EVENT_WINDOW + 50, 2 * EVENT_WINDOW + 49))],
    });
    const f = follow(client);
    await expect(f.result).resolves.toMatchObject({ end: 'terminal' });
    expect(f.kinds()).toContain('events-lost');
  });

  it('polls once even when the run is already terminal (a replay), to show its events', async () => {
    const { client, calls } = scripted({ pages: [page('failed', events(1, 3))] });
    const f = follow(client, { run: run('failed') });
    await expect(f.result).resolves.toMatchObject({ end: 'terminal' });
    expect(f.seen).toEqual(['e1', 'e2', 'e3']);
    expect(calls).toEqual([`events:${EVENT_WINDOW}`]);
  });

  it("switches to the run route once the older server's 200-event window is full", async () => {
    const { client, calls } = scripted({
      pages: [page('streaming', events(1, EVENT_WINDOW))],
      runs: [run('streaming'), run('success')],
    });
    const f = follow(client);
    await expect(f.result).resolves.toMatchObject({ end: 'terminal', run: { status: 'success' } });
    expect(f.seen).toHaveLength(EVENT_WINDOW);
    expect(f.notes).toContainEqual({ kind: 'window-full', shown: EVENT_WINDOW });
    expect(calls.filter((c) => c !== 'stream')).toEqual([`events:${EVENT_WINDOW}`, 'run', 'run']);
  });

  it('keeps following through passing errors', async () => {
    const { client } = scripted({
      pages: [
        page('streaming', events(1, 1)),
        new TransportError('run events', 'read ECONNRESET'),
        new ApiError(503, 'SERVICE_UNAVAILABLE', '', 'run events'),
        page('success', events(1, 2)),
      ],
    });
    const f = follow(client);
    await expect(f.result).resolves.toMatchObject({ end: 'terminal' });
    expect(f.seen).toEqual(['e1', 'e2']);
    expect(f.kinds().filter((k) => k === 'poll-error')).toHaveLength(2);
  });

  it('throws errors that polling again cannot fix', async () => {
    const { client } = scripted({ pages: [new ApiError(401, 'UNAUTHORIZED', 'revoked', 'run events')] });
    await expect(follow(client).result).rejects.toMatchObject({ status: 401 });
  });

  it('keeps following through a 404 blip, and gives up on a 404 that lasts past its patience', async () => {
    const notFound = new ApiError(404, 'NOT_FOUND', 'Run not found', 'run events');
    const blip = scripted({ pages: [page('streaming', events(1, 1)), notFound, notFound, page('success', events(1, 2))] });
    const f = follow(blip.client);
    await expect(f.result).resolves.toMatchObject({ end: 'terminal' });
    expect(f.seen).toEqual(['e1', 'e2']);

    const lost = scripted({ pages: [page('streaming', events(1, 1)), notFound] });
    const started = Date.now();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: started });
    try {
      const g = follow(lost.client, { deadline: started + 10 * 60_000 });
      const settled = expect(g.result).rejects.toBe(notFound);
      await vi.advanceTimersByTimeAsync(NOT_FOUND_PATIENCE_MS + 16_000);
      await settled;
      // Backoff 1, 2, 4, 8, 15, 15, 15 s: seven polls after the first 404, none after the minute.
      expect(lost.calls.filter((c) => c.startsWith('events'))).toHaveLength(9);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ends with timeout at the deadline', async () => {
    const { client } = scripted({ pages: [page('streaming', [])] });
    const f = follow(client, { deadline: Date.now() + 50 });
    await expect(f.result).resolves.toMatchObject({ end: 'timeout', run: { status: 'streaming' } });
  });

  it('ends with aborted when the job is cancelled', async () => {
    const controller = new AbortController();
    const { client } = scripted({ streams: [{ frames: [], hang: true }], runs: [run('streaming')] });
    const f = follow(client, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('SIGINT')), 30);
    await expect(f.result).resolves.toMatchObject({ end: 'aborted' });
  });

  it('polls at the short pace once an event announces the end, until the status is final', async () => {
    const delivery = runEvent({ id: 'd', type: 'log', message: 'Pull request ready', payload: { stage: 'git_delivery' } });
    const gaps = async (announce: boolean): Promise<number> => {
      const times: number[] = [];
      const { client } = scripted({
        pages: [
          page('streaming', [announce ? delivery : event(1)]),
          page('streaming', [announce ? delivery : event(1)]),
          page('success', []),
        ],
      });
      const timed = {
        ...client,
        listEvents: (...args: Parameters<typeof client.listEvents>) => (times.push(Date.now()), client.listEvents(...args)),
      };
      const f = follow(timed, { cadence: { ...FAST, activeMs: 300, quietMs: 600, endingMs: 20, statusMs: 300 } });
      await f.result;
      return times[1]! - times[0]!;
    };
    expect(await gaps(true)).toBeLessThan(150);
    expect(await gaps(false)).toBeGreaterThanOrEqual(290);
  });

  it('tries a failed poll again soon, not at the quiet pace', async () => {
    const times: number[] = [];
    const { client } = scripted({
      pages: [page('streaming', []), new TransportError('run events', 'reset'), page('success', [])],
    });
    const timed = {
      ...client,
      listEvents: (...args: Parameters<typeof client.listEvents>) => (times.push(Date.now()), client.listEvents(...args)),
    };
    const f = follow(timed, { cadence: { ...FAST, activeMs: 400, quietMs: 400, endingMs: 20, firstMs: 0 } });
    await f.result;
    expect(times[2]! - times[1]!).toBeLessThan(200);
  });
});

describe('404 patience', () => {
  it('backs off from 1 s to 15 s and stops a minute after the first 404', () => {
    const delays: number[] = [];
    let now = 0;
    for (let misses = 1; ; misses++) {
      const delay = notFoundRetryDelay(0, misses, now);
      if (delay === undefined) break;
      delays.push(delay);
      now += delay;
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000]);
    expect(now).toBe(NOT_FOUND_PATIENCE_MS);
    expect(notFoundRetryDelay(0, 1, NOT_FOUND_PATIENCE_MS - 500)).toBe(500);
  });
});
