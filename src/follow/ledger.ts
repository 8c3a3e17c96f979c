import type { RunEvent } from '../api/schema.js';

/**
 * The events handed on so far, by id. Neither the events list (no cursor; the
 * August server lists a run's first events, the newer one its latest) nor a
 * resumed stream keeps positions, so every event is told apart by its id
 * alone and handed on once, whatever window or connection brings it.
 */
export class EventLedger {
  private readonly seen = new Set<string>();
  /** The last event taken in the current agent call: where a stream resumes (Last-Event-ID). */
  lastId: string | undefined;

  get count(): number {
    return this.seen.size;
  }

  /** The events not handed on before, in order; records them. */
  take(events: readonly RunEvent[]): RunEvent[] {
    const fresh = events.filter((event) => !this.seen.has(event.id));
    for (const event of fresh) this.seen.add(event.id);
    const last = events.at(-1);
    if (last) this.lastId = last.id;
    return fresh;
  }

  /**
   * A full page that begins with an event never seen, after others were:
   * more events came between two reads than the page holds, and some were
   * lost to the window.
   */
  lostBefore(page: readonly RunEvent[], limit: number): boolean {
    const first = page[0];
    return this.seen.size > 0 && page.length >= limit && first !== undefined && !this.seen.has(first.id);
  }

  /** A resumed run has a new agent call: its events are listed afresh, and the old last id is refused. */
  newSegment(): void {
    this.lastId = undefined;
  }
}
