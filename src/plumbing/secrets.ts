// The values this step masks (the tokens). The runner scrubs them from the
// log only, and only as written: text escaped for the summary or a comment,
// an output or a file is out of its reach. So they are cut out of untrusted
// text where it comes in, before any escaping.

export const REDACTED = '***';

export class Secrets {
  private readonly values: string[] = [];

  add(value: string): void {
    if (value !== '' && !this.values.includes(value)) {
      this.values.push(value);
      // Longest first, so a secret that contains another is cut whole.
      this.values.sort((a, b) => b.length - a.length);
    }
  }

  redact(text: string): string {
    let out = text;
    for (const value of this.values) if (out.includes(value)) out = out.split(value).join(REDACTED);
    return out;
  }

  /**
   * Redacts every string (and key) in parsed JSON, in place. Iterative: a
   * payload nested thousands deep must not exhaust the stack.
   */
  redactJson(value: unknown): unknown {
    if (this.values.length === 0) return value;
    if (typeof value === 'string') return this.redact(value);
    const stack: unknown[] = [value];
    while (stack.length > 0) {
      const node = stack.pop();
      if (Array.isArray(node)) {
        node.forEach((item, i) => {
          if (typeof item === 'string') node[i] = this.redact(item);
          else if (typeof item === 'object' && item !== null) stack.push(item);
        });
      } else if (typeof node === 'object' && node !== null) {
        const record = node as Record<string, unknown>;
        for (const key of Object.keys(record)) {
          const item = record[key];
          const clean = this.redact(key);
          if (clean !== key) delete record[key];
          if (typeof item === 'string') record[clean] = this.redact(item);
          else {
            record[clean] = item;
            if (typeof item === 'object' && item !== null) stack.push(item);
          }
        }
      }
    }
    return value;
  }
}
