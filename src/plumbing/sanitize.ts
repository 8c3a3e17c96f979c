// Text that comes back from a Mogplex run is written by an agent working on
// untrusted code. These helpers make it inert before it reaches a log line,
// a workflow-command value or the job summary.

// CSI / OSC / other escape sequences, then single C0/C1 controls (tab and
// newline are handled by the callers), then invisible and bidi format chars.
const ESCAPE_SEQUENCES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const INVISIBLE_CHARS = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

/** Removes terminal control sequences and invisible or bidirectional characters; keeps \n and \t. */
export function stripControls(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ESCAPE_SEQUENCES, '').replace(CONTROL_CHARS, '').replace(INVISIBLE_CHARS, '');
}

/** One line of clean text, cut to `max` characters (for titles and table cells). */
export function inline(text: string, max = 200): string {
  // Cut before cleaning: the text can be megabytes long, and every pass over it costs.
  const flat = stripControls(text.length > max * 4 ? text.slice(0, max * 4) : text)
    .replace(/[\n\t]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Escapes a workflow-command value the way @actions/core does. */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

// Everything but letters, digits and a few harmless marks becomes a numeric
// entity: no HTML, no markdown links/images/emphasis, no table pipes, no @mentions.
const SUMMARY_SAFE = /[^\p{L}\p{N} .,;/=+-]/gu;

// GitHub decodes entities before it looks for mentions, references and
// autolinks, so escaping alone does not stop `&#64;user`. A word joiner (which
// stripControls removes from the text itself) breaks each pattern invisibly:
// after `@` and `#`, inside `www.`, before a scheme's `://` (or
// `mailto:`) and in `GH-`.
const WORD_JOINER = '&#8288;';
const LINK_PATTERNS = /(?<=[@#])|(?<=\bw)(?=ww\.)|(?<=\b[a-z][a-z0-9+.-]*)(?=:\/\/)|(?<=\b(?:mailto|xmpp))(?=:)|(?<=\bGH)(?=-)/gi;

/** Breaks what GitHub would turn into a mention, an issue reference or an autolink. */
export function unlink(text: string): string {
  return text.replace(LINK_PATTERNS, '\u2060');
}

/**
 * Escapes untrusted text for the job summary or a comment (HTML and markdown),
 * on one line, with no mention, reference or autolink left in it.
 */
export function escapeMarkup(text: string, max = 500): string {
  return unlink(inline(text, max)).replace(SUMMARY_SAFE, (ch) => (ch === '\u2060' ? WORD_JOINER : `&#${ch.codePointAt(0) ?? 32};`));
}
