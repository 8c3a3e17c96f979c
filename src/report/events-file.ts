import { appendFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunDetail, RunEvent } from '../api/schema.js';

/**
 * The step's transcript as JSON Lines, ready for actions/upload-artifact:
 * `{"event": ...}` for every event seen, in order, then `{"run": ...}` with
 * the final run detail. Written as events arrive, so a killed step leaves
 * what it saw. A failure to write is a warning once, never a failed step.
 */
export class EventsFile {
  readonly path: string;
  private broken = false;

  constructor(
    runId: string,
    private readonly warn: (message: string) => void,
    directory = process.env.RUNNER_TEMP || tmpdir(),
  ) {
    // Run ids are held to [A-Za-z0-9_-] when parsed, so the name is safe.
    this.path = join(directory, `mogplex-events-${runId}.jsonl`);
    this.write(() => writeFileSync(this.path, ''));
  }

  append(event: RunEvent): void {
    this.write(() => {
      let line: string;
      try {
        line = JSON.stringify({ event });
      } catch (error) {
        // A payload too deep to serialize: keep the event, not its payload.
        const reason = error instanceof Error ? error.message : String(error);
        line = JSON.stringify({ event: { ...event, payload: `(payload left out: ${reason})` } });
      }
      appendFileSync(this.path, `${line}\n`);
    });
  }

  close(run: RunDetail): void {
    this.write(() => appendFileSync(this.path, `${JSON.stringify({ run })}\n`));
  }

  private write(action: () => void): void {
    if (this.broken) return;
    try {
      action();
    } catch (error) {
      this.broken = true;
      this.warn(`Could not write the events file ${this.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
