import { describe, expect, it } from 'vitest';
import { EventsElider } from '../../src/api/events-scan.js';

function elide(text: string, skip: number, chunkSize = 7): { value: unknown; total: number } {
  const elider = new EventsElider(skip);
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += chunkSize) elider.push(bytes.subarray(i, i + chunkSize));
  return { value: JSON.parse(elider.text()), total: elider.total };
}

const page = (n: number) => ({
  ok: true,
  data: {
    run: { runId: 'r', status: 'streaming', events: [1] },
    events: Array.from({ length: n }, (_, i) => ({ id: `e${i}`, message: `m "${i}" ]}, \\ ünï ✓`, payload: { a: [i, { b: '[' }] } })),
  },
});

describe('EventsElider', () => {
  it.each([1, 2, 3, 5, 7, 64, 4096])('drops the first events and keeps the rest, in chunks of %i bytes', (size) => {
    const original = page(6);
    const { value, total } = elide(JSON.stringify(original, null, size % 2 ? 2 : 0), 4, size);
    expect(total).toBe(6);
    expect(value).toEqual({
      ...original,
      data: { ...original.data, events: [null, null, null, null, original.data.events[4], original.data.events[5]] },
    });
  });
  it('copies everything when nothing is skipped or there are fewer events', () => {
    const original = page(3);
    expect(elide(JSON.stringify(original), 0).value).toEqual(original);
    expect(elide(JSON.stringify(original), 10)).toEqual({
      value: { ...original, data: { ...original.data, events: [null, null, null] } },
      total: 3,
    });
  });
  it('leaves other shapes alone', () => {
    for (const other of [
      { ok: false, error: { code: 'X', message: 'events' } },
      { events: [1, 2, 3] },
      { data: { x: { events: [1, 2] } } },
      [1, 2],
      'text',
    ]) {
      expect(elide(JSON.stringify(other), 2).value).toEqual(other);
    }
  });
  it('keeps key order independent: events before run', () => {
    const text = '{"data":{"events":[{"id":"a"},{"id":"b"}],"run":{"runId":"r"}},"ok":true}';
    expect(elide(text, 1).value).toEqual({ data: { events: [null, { id: 'b' }], run: { runId: 'r' } }, ok: true });
  });
});
