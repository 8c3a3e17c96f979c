// Colour for the demo's terminal output: only to a terminal, and the
// conventions people set to override that. FORCE_COLOR wins over NO_COLOR, as
// in Node itself (https://nodejs.org/api/cli.html#force_color1-2-3).

/** Whether to write ANSI colour: FORCE_COLOR (not `0`/`false`) yes; NO_COLOR (non-empty) no; else a terminal that is not `dumb`. */
export function wantsColour(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}

export interface Style {
  dim(text: string): string;
  bold(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  title(text: string): string;
}

const sgr = (on: string, off: string) => (text: string) => `\u001b[${on}m${text}\u001b[${off}m`;

export const ANSI: Style = {
  dim: sgr('2', '22'),
  bold: sgr('1', '22'),
  red: sgr('31', '39'),
  yellow: sgr('33', '39'),
  title: sgr('1;36', '0'),
};

const same = (text: string) => text;
export const PLAIN: Style = { dim: same, bold: same, red: same, yellow: same, title: same };

/** The style for a stream, by `wantsColour`. */
export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  return wantsColour(env, stream.isTTY === true) ? ANSI : PLAIN;
}
