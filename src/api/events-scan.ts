// The events route has no cursor: every poll returns all of a run's events so
// far, up to 200 of about 20 KB each. Parsing 4 MB into objects on every poll
// to find a few new events is what drives memory up, so the answer is scanned
// as it streams in and the events already shown are dropped unparsed.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const NULL = Buffer.from('null');
/** Longer strings cannot be the keys followed here (`data`, `events`). */
const MAX_KEY_BYTES = 16;

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/**
 * Copies a JSON text through, replacing each of the first `skip` items of the
 * array at `data.events` with `null` without keeping its bytes. It works on
 * bytes: JSON's structural characters are ASCII, and UTF-8 never uses an
 * ASCII byte inside a multi-byte character. A text of another shape is copied
 * unchanged, for JSON.parse to judge.
 */
export class EventsElider {
  /** Events in the answer, dropped or kept. */
  total = 0;
  private readonly kept: Buffer[] = [];
  private readonly containers: number[] = [];
  /** The last key read in the object at each depth: `keys[1]` in the top-level object, `keys[2]` in `data`. */
  private readonly keys: Array<string | undefined> = [];
  private inString = false;
  private escaped = false;
  private stringBytes: number[] | undefined;
  private lastString: string | undefined;
  /** 3 while inside the data.events array, 0 before it, -1 after it. */
  private eventsDepth = 0;
  private expectItem = false;
  private dropping = false;

  constructor(private readonly skip: number) {}

  push(chunk: Buffer): void {
    let copyFrom = this.dropping ? -1 : 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] ?? 0;
      if (this.inString) {
        this.readStringByte(byte);
        continue;
      }
      if (isSpace(byte)) continue;
      const depth = this.containers.length;
      if (this.eventsDepth !== 0 && depth === this.eventsDepth) {
        if (byte === COMMA || byte === CLOSE_ARRAY) {
          if (this.dropping) {
            this.dropping = false;
            copyFrom = i;
          }
          this.expectItem = byte === COMMA;
        } else if (this.expectItem) {
          this.expectItem = false;
          if (this.total++ < this.skip) {
            this.kept.push(Buffer.from(chunk.subarray(copyFrom, i)), NULL);
            this.dropping = true;
            copyFrom = -1;
          }
        }
      }
      this.readStructure(byte, depth);
    }
    if (copyFrom >= 0 && copyFrom < chunk.length) this.kept.push(Buffer.from(chunk.subarray(copyFrom)));
  }

  /** The JSON text, the dropped events as `null`. */
  text(): string {
    return Buffer.concat(this.kept).toString('utf8');
  }

  private readStringByte(byte: number): void {
    if (this.escaped) {
      this.escaped = false;
    } else if (byte === BACKSLASH) {
      this.escaped = true;
    } else if (byte === QUOTE) {
      this.inString = false;
      this.lastString = this.stringBytes && this.stringBytes.length <= MAX_KEY_BYTES ? Buffer.from(this.stringBytes).toString() : undefined;
      this.stringBytes = undefined;
      return;
    }
    if (this.stringBytes && this.stringBytes.length <= MAX_KEY_BYTES) this.stringBytes.push(byte);
  }

  private readStructure(byte: number, depth: number): void {
    switch (byte) {
      case QUOTE:
        this.inString = true;
        this.stringBytes = depth <= 2 ? [] : undefined;
        this.lastString = undefined;
        return;
      case COLON:
        this.keys[depth] = this.lastString;
        return;
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        if (byte === OPEN_ARRAY && depth === 2 && this.keys[1] === 'data' && this.keys[2] === 'events' && this.eventsDepth === 0) {
          this.eventsDepth = 3;
          this.expectItem = true;
        }
        this.containers.push(byte);
        return;
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        if (this.containers.length === this.eventsDepth) this.eventsDepth = -1; // done: a later `events` key is not followed
        this.containers.pop();
        this.keys.length = this.containers.length + 1;
        return;
    }
  }
}
