import { describe, expect, it } from 'vitest';
import { announcesEnd, cadenceFor, jittered, nextInterval } from '../../src/follow/cadence.js';
import { runEvent } from './fixtures.js';

describe('cadenceFor', () => {
  it("polls at the step's share while events flow and every 12 s (15 s with jitter) at the slowest", () => {
    expect(cadenceFor(20)).toEqual({
      activeMs: 3_000,
      quietMs: 12_000,
      endingMs: 2_000,
      statusMs: 4_000,
      firstMs: 2_000,
      jitter: 0.25,
      streamQuietMs: 20_000,
      streamQuietLongMs: 60_000,
      pausedMs: 10_000,
    });
    expect(cadenceFor(60)).toMatchObject({ activeMs: 1_000, quietMs: 12_000, endingMs: 1_000, firstMs: 1_000 });
    // A small cap (a matrix leg's share) slows every pace but the short end.
    expect(cadenceFor(6)).toMatchObject({ activeMs: 10_000, quietMs: 12_000, endingMs: 2_000, statusMs: 10_000 });
    expect(cadenceFor(2)).toMatchObject({ activeMs: 30_000, quietMs: 30_000 });
  });
});

describe('nextInterval', () => {
  const cadence = cadenceFor(20);

  it('slows down half as much again after each quiet poll, up to the quiet pace', () => {
    const quiet: number[] = [];
    let interval = cadence.firstMs;
    for (let i = 0; i < 7; i++) quiet.push((interval = nextInterval(cadence, interval, { events: false, ending: false })));
    expect(quiet[0]).toBe(3_000);
    expect(quiet).toEqual([3_000, 4_500, 6_750, 10_125, 12_000, 12_000, 12_000]);
  });

  it('halves the time since the last answer on events, down to the quick pace', () => {
    expect(nextInterval(cadence, 15_000, { events: true, ending: false })).toBe(6_000);
    expect(nextInterval(cadence, 7_500, { events: true, ending: false })).toBe(3_750);
    expect(nextInterval(cadence, 3_750, { events: true, ending: false })).toBe(3_000);
    // A poll that waited for the budget (the first minute's share) does not set off a burst after it.
    expect(nextInterval(cadence, 48_000, { events: true, ending: false })).toBe(6_000);
    expect(nextInterval(cadence, 48_000, { events: false, ending: false })).toBe(12_000);
  });

  it('polls at the short pace once the end is announced, and slows down again if it does not come', () => {
    expect(nextInterval(cadence, 15_000, { events: true, ending: true })).toBe(2_000);
    expect(nextInterval(cadence, 2_000, { events: false, ending: true })).toBe(3_000);
  });
});

describe('jittered', () => {
  it('scales a wait by a factor within ±25 %', () => {
    const cadence = cadenceFor(20);
    expect(jittered(cadence, 10_000, () => 0)).toBe(7_500);
    expect(jittered(cadence, 10_000, () => 0.5)).toBe(10_000);
    expect(jittered(cadence, 10_000, () => 0.999_999)).toBe(12_500);
  });
});

describe('announcesEnd', () => {
  it('knows the delivery event and the terminal events', () => {
    expect(announcesEnd(runEvent({ type: 'log', message: 'Pull request ready', payload: { stage: 'git_delivery', changed: true } }))).toBe(
      true,
    );
    expect(announcesEnd(runEvent({ type: 'finished', message: 'Harness run finished' }))).toBe(true);
    expect(announcesEnd(runEvent({ type: 'failed', message: 'Harness run failed' }))).toBe(true);
    expect(announcesEnd(runEvent({ type: 'cancel_requested' }))).toBe(true);
  });

  it('not the setup lifecycle', () => {
    expect(announcesEnd(runEvent({ type: 'started', message: 'External Mogplex run accepted' }))).toBe(false);
    expect(announcesEnd(runEvent({ type: 'log', message: 'Synchronized main', payload: { stage: 'git_sync' } }))).toBe(false);
    expect(announcesEnd(runEvent({ type: 'status_changed', payload: { from: 'pending', to: 'streaming' } }))).toBe(false);
    expect(announcesEnd(runEvent({ type: 'log', payload: null }))).toBe(false);
  });
});
