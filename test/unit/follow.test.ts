import { describe, expect, it, vi } from 'vitest';
import { ApiError, TransportError } from '../../src/api/errors.js';
import type { EventsPage, RunDetail, RunEvent } from '../../src/api/schema.js';
import { EVENT_WINDOW, followRun, notFoundRetryDelay, NOT_FOUND_PATIENCE_MS, type FollowOptions } from '../../src/follow/poll.js';
import { runDetail, runEvent } from './fixtures.js';

const baseRun: RunDetail = runDetail();

function event(n: number): RunEvent {
  return runEvent({ id: `e${n}`, message: `event ${n}` });
}

function events(from: number, to: number): RunEvent[] {
  return Array.from({ length: to - from + 1 }, (_, i) => event(from + i));
}

type Step = EventsPage | Error;

/** A client that answers the events route from a script, then repeats the last answer. */
function scripted(pages: Step[], status: RunDetail[] = []) {
  const calls: string[] = [];
  let i = 0;
  let s = 0;
  return {
    calls,
    client: {
      // Like the real client: the first `skip` events are dropped, `total` counts them.
      listEvents: async (_runId: string, _limit: number, skip = 0): Promise<EventsPage> => {
        calls.push(skip ? `events-${skip}` : 'events');
        const step = pages[Math.min(i++, pages.length - 1)]!;
        if (step instanceof Error) throw step;
        return { ...step, events: step.events.slice(skip), total: step.events.length };
      },
      getRun: async (): Promise<RunDetail> => {
        calls.push('run');
        return status[Math.min(s++, status.length - 1)]!;
      },
    },
  };
}

function follow(client: FollowOptions['client'], extra: Partial<FollowOptions> = {}) {
  const seen: string[] = [];
  const statuses: string[] = [];
  const errors: Error[] = [];
  const windows: number[] = [];
  const result = followRun({
    client,
    run: baseRun,
    cadence: { activeMs: 1, quietMs: 4, endingMs: 1, statusMs: 2, firstMs: 0, jitter: 0 },
    deadline: Date.now() + 10_000,
    signal: new AbortController().signal,
    onEvent: (e) => seen.push(e.id),
    onRun: (run) => statuses.push(run.status),
    onWindowFull: (shown) => windows.push(shown),
    onPollError: (e) => errors.push(e),
    ...extra,
  });
  return { result, seen, statuses, errors, windows };
}

const page = (status: string, list: RunEvent[]): EventsPage => ({ run: { ...baseRun, status }, events: list, total: list.length });

describe('followRun', () => {
  it('hands over every event once, in order, and stops at a terminal status', async () => {
    const { client, calls } = scripted([
      page('pending', []),
      page('streaming', events(1, 2)),
      page('streaming', events(1, 2)),
      page('streaming', events(1, 5)),
      page('success', events(1, 7)),
    ]);
    const f = follow(client);
    await expect(f.result).resolves.toMatchObject({ end: 'terminal', run: { status: 'success' } });
    expect(f.seen).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7']);
    // After the first events, each poll drops what was shown but the last one.
    expect(calls).toEqual(['events', 'events', 'events-1', 'events-1', 'events-4']);
    expect(f.statuses.at(-1)).toBe('success');
  });

  it('polls once even when the run is already terminal (a replay), to show its events', async () => {
    const { client, calls } = scripted([page('failed', events(1, 3))]);
    const f = follow(client, { run: { ...baseRun, status: 'failed' } });
    await expect(f.result).resolves.toMatchObject({ end: 'terminal' });
    expect(f.seen).toEqual(['e1', 'e2', 'e3']);
    expect(calls).toEqual(['events']);
  });

  it('switches to the run route once the 200-event window is full', async () => {
    const { client, calls } = scripted(
      [page('streaming', events(1, EVENT_WINDOW))],
      [
        { ...baseRun, status: 'streaming' },
        { ...baseRun, status: 'success' },
      ],
    );
    const f = follow(client);
    await expect(f.result).resolves.toMatchObject({ end: 'terminal', run: { status: 'success' } });
    expect(f.seen).toHaveLength(EVENT_WINDOW);
    expect(f.windows).toEqual([EVENT_WINDOW]);
    expect(calls).toEqual(['events', 'run', 'run']);
  });

  it('reads everything again when an answer does not line up with what was shown', async () => {
    const reordered = [event(1), event(3), event(2), event(4)];
    const { client, calls } = scripted([
      page('streaming', events(1, 2)),
      page('streaming', reordered),
      page('success', [...reordered, event(5)]),
    ]);
    const f = follow(client);
    await expect(f.result).resolves.toMatchObject({ end: 'terminal' });
    expect(calls).toEqual(['events', 'events-1', 'events']);
    expect([...f.seen].sort()).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
  });

  it('keeps following through passing errors', async () => {
    const { client } = scripted([
      page('streaming', events(1, 1)),
      new TransportError('run events', 'read ECONNRESET'),
      new ApiError(503, 'SERVICE_UNAVAILABLE', '', 'run events'),
      page('success', events(1, 2)),
    ]);
    const f = follow(client);
    await expect(f.result).resolves.toMatchObject({ end: 'terminal' });
    expect(f.seen).toEqual(['e1', 'e2']);
    expect(f.errors).toHaveLength(2);
  });

  it('throws errors that polling again cannot fix', async () => {
    const { client } = scripted([new ApiError(401, 'UNAUTHORIZED', 'revoked', 'run events')]);
    await expect(follow(client).result).rejects.toMatchObject({ status: 401 });
  });

  it('keeps following through a 404 blip, and gives up on a 404 that lasts past its patience', async () => {
    const notFound = new ApiError(404, 'NOT_FOUND', 'Run not found', 'run events');
    const blip = scripted([page('streaming', events(1, 1)), notFound, notFound, page('success', events(1, 2))]);
    const f = follow(blip.client);
    await expect(f.result).resolves.toMatchObject({ end: 'terminal' });
    expect(f.seen).toEqual(['e1', 'e2']);
    expect(f.errors).toEqual([notFound, notFound]);

    const lost = scripted([page('streaming', events(1, 1)), notFound]);
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
    const { client } = scripted([page('streaming', [])]);
    const f = follow(client, { deadline: Date.now() + 50 });
    await expect(f.result).resolves.toMatchObject({ end: 'timeout', run: { status: 'streaming' } });
  });

  it('ends with aborted when the job is cancelled', async () => {
    const controller = new AbortController();
    const { client } = scripted([page('streaming', [])]);
    const f = follow(client, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('SIGINT')), 30);
    await expect(f.result).resolves.toMatchObject({ end: 'aborted' });
  });

  it('polls at the short pace once an event announces the end, until the status is final', async () => {
    const delivery = runEvent({ id: 'd', type: 'log', message: 'Pull request ready', payload: { stage: 'git_delivery' } });
    const gaps = async (announce: boolean): Promise<number> => {
      const times: number[] = [];
      const { client } = scripted([
        page('streaming', [announce ? delivery : event(1)]),
        page('streaming', [announce ? delivery : event(1)]),
        page('success', []),
      ]);
      const timed = {
        ...client,
        listEvents: (...args: Parameters<typeof client.listEvents>) => (times.push(Date.now()), client.listEvents(...args)),
      };
      const f = follow(timed, { cadence: { activeMs: 300, quietMs: 600, endingMs: 20, statusMs: 300, firstMs: 0, jitter: 0 } });
      await f.result;
      return times[1]! - times[0]!;
    };
    expect(await gaps(true)).toBeLessThan(150);
    expect(await gaps(false)).toBeGreaterThanOrEqual(290);
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
