// Finding the trigger phrase in a comment. It counts only where a person
// addresses the agent: as a word of its own, in the comment's own prose. Not
// inside another word or an address (dev@mogplex.example), not in a code span
// or fenced block (someone showing how to call it), not in a `>` quote (someone
// quoting an earlier trigger). Linear in the text; never a regular expression
// built from the phrase.

export interface TriggerMatch {
  /** Whether the phrase stands as a word in the comment's prose. */
  found: boolean;
  /** The comment with every counted occurrence of the phrase taken out, trimmed. */
  task: string;
}

const WORD = /[\p{L}\p{N}_]/u;
/** Before the phrase: a word character, `@` `.` `-` `/` `+` make it part of a word, address or path. */
const GLUED_BEFORE = /[\p{L}\p{N}_@.\-/+]/u;
/** After the phrase: these continue a word or a handle (`@mogplex-bot`, `@mogplex_x`). */
const GLUED_AFTER = /[\p{L}\p{N}_@-]/u;

function standsAlone(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text[start - 1] : undefined;
  if (before !== undefined && GLUED_BEFORE.test(before)) return false;
  const after = text[end];
  if (after === undefined) return true;
  if (GLUED_AFTER.test(after)) return false;
  // `.` or `/` then a word character continues a domain or path (`@mogplex.example`); at a sentence's end it does not.
  const next = text[end + 1];
  return !((after === '.' || after === '/') && next !== undefined && WORD.test(next));
}

/** Ranges [start, end) of `text` outside code spans (backtick runs closed by a run of the same length). */
function outsideCodeSpans(line: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let from = 0;
  let i = 0;
  while (i < line.length) {
    if (line[i] !== '`') {
      i++;
      continue;
    }
    let run = 1;
    while (line[i + run] === '`') run++;
    const fence = '`'.repeat(run);
    let close = line.indexOf(fence, i + run);
    // The closing run must be exactly as long (a longer run does not close it).
    while (close !== -1 && line[close + run] === '`') {
      let skip = close;
      while (line[skip] === '`') skip++;
      close = line.indexOf(fence, skip);
    }
    if (close === -1) {
      i += run; // an unclosed run is literal text
      continue;
    }
    ranges.push([from, i]);
    i = close + run;
    from = i;
  }
  ranges.push([from, line.length]);
  return ranges;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const QUOTE = /^ {0,3}>/;

/** Offsets in `body` of each line that is prose (not inside a fenced block, not a quote), with the line. */
function proseLines(body: string): Array<{ offset: number; line: string }> {
  const lines: Array<{ offset: number; line: string }> = [];
  let fence: string | undefined;
  let offset = 0;
  for (const line of body.split('\n')) {
    const opener = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      const char = fence[0] ?? '`';
      if (opener?.[0] === char && opener.length >= fence.length && line.trim() === opener) fence = undefined;
    } else if (opener !== undefined && !(opener[0] === '`' && line.slice(line.indexOf(opener) + opener.length).includes('`'))) {
      fence = opener;
    } else if (!QUOTE.test(line)) {
      lines.push({ offset, line });
    }
    offset += line.length + 1;
  }
  return lines;
}

/** Where the phrase counts in `body`: ranges [start, end) in `body`. */
function occurrences(body: string, phrase: string): Array<[number, number]> {
  const needle = phrase.toLowerCase();
  const found: Array<[number, number]> = [];
  for (const { offset, line } of proseLines(body)) {
    const lower = line.toLowerCase();
    // toLowerCase can change a string's length (e.g. `İ`): then the offsets would not line up; compare as written.
    const haystack = lower.length === line.length ? lower : line;
    for (const [from, to] of outsideCodeSpans(line)) {
      let at = haystack.indexOf(needle, from);
      while (at !== -1 && at + needle.length <= to) {
        if (standsAlone(line, at, at + needle.length)) found.push([offset + at, offset + at + needle.length]);
        at = haystack.indexOf(needle, at + needle.length);
      }
    }
  }
  return found;
}

/** Looks for `phrase` in a comment; the task is the comment without it (and a `:` or `,` right after it). */
export function matchTrigger(rawBody: string, phrase: string): TriggerMatch {
  const body = rawBody.replace(/\r\n?/g, '\n');
  const found = phrase === '' ? [] : occurrences(body, phrase);
  if (found.length === 0) return { found: false, task: '' };
  let task = '';
  let from = 0;
  for (const [start, end] of found) {
    task += body.slice(from, start);
    from = end;
    while (body[from] === ':' || body[from] === ',') from++;
    // `please @mogplex fix it` becomes `please fix it`, not `please  fix it`.
    if (body[from] === ' ' && (task.endsWith(' ') || task === '' || task.endsWith('\n'))) from++;
  }
  task += body.slice(from);
  const tidy = task
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/^[ \t]+/, '')
    .trim();
  return { found: true, task: tidy };
}
