// Finding the trigger phrase in a comment. It counts only where a person
// addresses the agent: as a word of its own, in text that GitHub renders as
// the comment's own prose. Not inside another word or an address
// (dev@mogplex.example), not in code of any kind (someone showing how to call
// it), not in a quote (someone quoting an earlier trigger), not in HTML (an
// HTML comment is invisible on the page). What is prose is said by a
// CommonMark/GFM parser, as GitHub's rendering reads it, not by hand-written
// rules. Never a regular expression built from the phrase.

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

/** GitHub keeps no longer comment: past it, nothing is read. */
const MAX_COMMENT_CHARS = 65_536;
/** Quotes and list items nested deeper than this are not read. */
const MAX_NESTING = 32;
const CONTAINER_MARKER = /^[ \t]{0,3}(?:>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/;

/** The most quote and list markers any one line opens with. */
function deepestNesting(body: string): number {
  let deepest = 0;
  for (const line of body.split('\n')) {
    let rest = line;
    let depth = 0;
    for (let marker = CONTAINER_MARKER.exec(rest); marker && depth <= MAX_NESTING; marker = CONTAINER_MARKER.exec(rest)) {
      depth++;
      rest = rest.slice(marker[0].length);
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** Inline HTML that GitHub renders as code or hides: text inside it is no ask. */
const OPENS_HIDDEN = /^<(code|pre|kbd|samp|tt|var)(\s[^>]*)?>$/i;
const CLOSES_HIDDEN = /^<\/(code|pre|kbd|samp|tt|var)\s*>$/i;

/** Nodes whose text never renders as prose: code of every kind, raw HTML (comments too), quotes. */
const NOT_PROSE = new Set(['code', 'inlineCode', 'html', 'blockquote', 'math', 'inlineMath', 'definition', 'footnoteDefinition']);

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/**
 * Ranges [start, end) of `body` that render as ordinary prose, as GitHub's
 * CommonMark/GFM rendering reads the comment: text outside code blocks and
 * spans (a span may cross lines), HTML (an HTML comment is invisible; text
 * inside `<code>` or `<pre>` is code) and quotes (lazy continuations and
 * quotes in list items included).
 */
async function proseRanges(body: string): Promise<Array<[number, number]>> {
  // The parser recurses per level of nesting: a comment nested deeper than any person writes is no ask.
  if (deepestNesting(body) > MAX_NESTING) return [];
  // Loaded in comment mode only, so start-up stays at its floor.
  const [{ fromMarkdown }, { gfm }, { gfmFromMarkdown }] = await Promise.all([
    import('mdast-util-from-markdown'),
    import('micromark-extension-gfm'),
    import('mdast-util-gfm'),
  ]);
  const tree = fromMarkdown(body.slice(0, MAX_COMMENT_CHARS), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as MdNode;
  const ranges: Array<[number, number]> = [];
  // Iterative: a comment can nest lists thousands deep, deeper than a recursion may go.
  const stack: MdNode[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (NOT_PROSE.has(node.type)) continue;
    if (node.type === 'text') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) ranges.push([start, end]);
      continue;
    }
    let hidden = 0;
    for (const child of node.children ?? []) {
      if (child.type === 'html') {
        const tag = (child.value ?? '').trim();
        if (OPENS_HIDDEN.test(tag)) hidden++;
        else if (CLOSES_HIDDEN.test(tag) && hidden > 0) hidden--;
      } else if (hidden === 0) {
        stack.push(child);
      }
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** Where the phrase counts in `body`: ranges [start, end) in `body`. */
async function occurrences(body: string, phrase: string): Promise<Array<[number, number]>> {
  const needle = phrase.toLowerCase();
  const found: Array<[number, number]> = [];
  for (const [from, to] of await proseRanges(body)) {
    const text = body.slice(from, to);
    const lower = text.toLowerCase();
    // toLowerCase can change a string's length (e.g. `İ`): then the offsets would not line up; compare as written.
    const haystack = lower.length === text.length ? lower : text;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      if (standsAlone(body, from + at, from + at + needle.length)) found.push([from + at, from + at + needle.length]);
    }
  }
  return found;
}

/** Looks for `phrase` in a comment; the task is the comment without it (and a `:` or `,` right after it). */
export async function matchTrigger(rawBody: string, phrase: string): Promise<TriggerMatch> {
  const body = rawBody.replace(/\r\n?/g, '\n');
  const found = phrase === '' || !body.toLowerCase().includes(phrase.toLowerCase()) ? [] : await occurrences(body, phrase);
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
