// Parses the runner's file commands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV)
// the way actions/runner FileCommandManager.EnvFileKeyValuePairs does on
// Linux: lines end at \n only (a \r stays in the line), `name=value` when the
// first `=` comes before any `<<`, else `name<<DELIM` heredoc up to a line
// equal to DELIM. The runner stops at the first malformed entry and fails the
// step; we stop too and report the error.

export interface FileCommandParse {
  entries: Array<[string, string]>;
  /** The error the runner would raise, or null. */
  error: string | null;
}

function readLine(text: string, index: number): { line: string | null; next: number; newline: boolean } {
  if (index >= text.length) return { line: null, next: index, newline: false };
  const lf = text.indexOf('\n', index);
  if (lf < 0) return { line: text.slice(index), next: text.length, newline: false };
  return { line: text.slice(index, lf), next: lf + 1, newline: true };
}

export function parseFileCommands(text: string): FileCommandParse {
  const entries: Array<[string, string]> = [];
  let index = 0;
  for (let r = readLine(text, index); r.line !== null; r = readLine(text, index)) {
    index = r.next;
    const line = r.line;
    if (line === '') continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
      entries.push([line.slice(0, eq), line.slice(eq + 1)]);
      continue;
    }
    if (heredoc < 0) return { entries, error: `Invalid format '${line}'` };
    const name = line.slice(0, heredoc);
    const delimiter = line.slice(heredoc + 2);
    if (!name || !delimiter) {
      return { entries, error: `Invalid format '${line}'. Name must not be empty and delimiter must not be empty` };
    }
    const start = index;
    let end = index;
    let t = readLine(text, index);
    index = t.next;
    while (t.line !== delimiter) {
      if (t.line === null) return { entries, error: `Invalid value. Matching delimiter not found '${delimiter}'` };
      if (!t.newline) return { entries, error: 'Invalid value. EOF marker missing new line.' };
      end = index - 1;
      t = readLine(text, index);
      index = t.next;
    }
    entries.push([name, end > start ? text.slice(start, end) : '']);
  }
  return { entries, error: null };
}

/** Last value wins, as when the runner applies the entries in order. */
export function fileCommandRecord(text: string): { values: Record<string, string>; error: string | null } {
  const { entries, error } = parseFileCommands(text);
  return { values: Object.fromEntries(entries), error };
}
