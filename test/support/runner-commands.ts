// What the GitHub runner would treat as workflow commands in a step's output.
// Ported from actions/runner: ActionCommandManager.TryProcessCommand,
// ActionCommand.TryParseV2 (`::cmd k=v,...::data`) and ActionCommand.TryParse
// (legacy `##[cmd k=v;...]data`, anywhere in the line). The runner reads
// output with StreamReader.ReadLine, so \r\n, \n and a lone \r all end a line.
// It feeds stdout and stderr through the same command manager.

export interface RunnerCommand {
  /** Command name, lower-cased (the runner matches names case-insensitively). */
  command: string;
  properties: Record<string, string>;
  data: string;
  /** The output line, as the runner saw it. */
  line: string;
  /** 1-based index among the lines. */
  lineNumber: number;
  form: 'v2' | 'legacy';
  /** 'stop' for ::stop-commands::, 'resume' for the token line that ends it. */
  effect?: 'stop' | 'resume';
  /** Set when the runner would refuse the command (e.g. an unsafe stop token). */
  rejected?: string;
}

export interface ParseOptions {
  /**
   * The runner's .NET string search is culture-sensitive (ICU), which skips
   * "ignorable" characters such as U+200B or control bytes: `::error:\u200b:x`
   * still finds its `::` separator. true (default) approximates that for the
   * separator search; false is plain ordinal matching.
   */
  icu?: boolean;
}

/** Commands registered by the runner's extensions (internal-set-repo-path is plugin-only). */
export const RUNNER_COMMANDS: readonly string[] = [
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
  'stop-commands',
];

// .NET char.IsWhiteSpace, which String.TrimStart uses (JS trim also strips U+FEFF; .NET does not).
const DOTNET_LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
// Approximation of ICU-ignorable code points: C0/C1 controls and format characters.
const IGNORABLE =
  '[\\u0000-\\u0008\\u000e-\\u001f\\u007f-\\u0084\\u0086-\\u009f\\u00ad\\u034f\\u061c\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\ufeff]*';

const DATA_ESCAPES: ReadonlyArray<[string, string]> = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%25', '%'],
];
const PROPERTY_ESCAPES: ReadonlyArray<[string, string]> = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%3A', ':'],
  ['%2C', ','],
  ['%25', '%'],
];
const LEGACY_ESCAPES: ReadonlyArray<[string, string]> = [
  ['%3B', ';'],
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%5D', ']'],
  ['%25', '%'],
];

/** Sequential string replacement, in the runner's order (so %250A -> %0A, not \n). */
function unescape(value: string, table: ReadonlyArray<[string, string]>): string {
  let out = value;
  for (const [escaped, raw] of table) out = out.split(escaped).join(raw);
  return out;
}

interface Parsed {
  name: string;
  properties: Record<string, string>;
  data: string;
  form: 'v2' | 'legacy';
}

function setProperty(props: Map<string, [string, string]>, pair: string, table: ReadonlyArray<[string, string]>): void {
  // Split('=', 2, RemoveEmptyEntries): a pair with an empty side is dropped.
  const eq = pair.indexOf('=');
  if (eq <= 0 || eq === pair.length - 1) return;
  const key = pair.slice(0, eq);
  const existing = props.get(key.toLowerCase());
  props.set(key.toLowerCase(), [existing?.[0] ?? key, unescape(pair.slice(eq + 1), table)]);
}

function toRecord(props: Map<string, [string, string]>): Record<string, string> {
  return Object.fromEntries([...props.values()]);
}

function tryParseV2(line: string, registered: Set<string>, icu: boolean): Parsed | null {
  const message = line.replace(DOTNET_LEADING_SPACE, '');
  const startsWithKey = icu ? new RegExp(`^${IGNORABLE}:${IGNORABLE}:`).test(message) : message.startsWith('::');
  if (!startsWithKey) return null;
  let endIndex: number;
  if (icu) {
    const sep = new RegExp(`:${IGNORABLE}:`, 'g');
    sep.lastIndex = 2;
    endIndex = sep.exec(message)?.index ?? -1;
  } else {
    endIndex = message.indexOf('::', 2);
  }
  if (endIndex < 0) return null;
  const cmdInfo = message.slice(2, endIndex);
  const space = cmdInfo.indexOf(' ');
  const name = space < 0 ? cmdInfo : cmdInfo.slice(0, space);
  if (!registered.has(name.toLowerCase())) return null;
  const props = new Map<string, [string, string]>();
  if (space > 0) {
    for (const pair of cmdInfo
      .slice(space + 1)
      .trim()
      .split(',')) {
      if (pair) setProperty(props, pair, PROPERTY_ESCAPES);
    }
  }
  // Like the runner: cmdInfo starts at a fixed index 2 and data at endIndex + 2,
  // even when ICU matched a longer separator.
  const data = unescape(message.slice(endIndex + 2), DATA_ESCAPES);
  return { name, properties: toRecord(props), data, form: 'v2' };
}

function tryParseLegacy(line: string, registered: Set<string>): Parsed | null {
  const prefixIndex = line.indexOf('##[');
  if (prefixIndex < 0) return null;
  const rb = line.indexOf(']', prefixIndex);
  if (rb < 0) return null;
  const cmdInfo = line.slice(prefixIndex + 3, rb);
  const space = cmdInfo.indexOf(' ');
  const name = space < 0 ? cmdInfo : cmdInfo.slice(0, space);
  if (!registered.has(name.toLowerCase())) return null;
  const props = new Map<string, [string, string]>();
  if (space > 0) {
    for (const pair of cmdInfo.slice(space + 1).split(';')) {
      if (pair) setProperty(props, pair, LEGACY_ESCAPES);
    }
  }
  return { name, properties: toRecord(props), data: unescape(line.slice(rb + 1), LEGACY_ESCAPES), form: 'legacy' };
}

/** Splits output the way .NET StreamReader.ReadLine does. */
export function splitRunnerLines(output: string): string[] {
  const lines = output.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Feeds lines one at a time, keeping the stop-commands state across calls
 * (useful to interleave stdout and stderr, which share one command manager).
 */
export class RunnerCommandParser {
  private readonly registered = new Set(RUNNER_COMMANDS);
  private stopToken: string | null = null;
  private lineNumber = 0;
  readonly commands: RunnerCommand[] = [];

  constructor(private readonly options: ParseOptions = {}) {}

  get stopped(): boolean {
    return this.stopToken !== null;
  }

  feed(output: string): RunnerCommand[] {
    const found: RunnerCommand[] = [];
    for (const line of splitRunnerLines(output)) {
      const command = this.feedLine(line);
      if (command) found.push(command);
    }
    return found;
  }

  feedLine(line: string): RunnerCommand | null {
    this.lineNumber += 1;
    if (line === '') return null;
    const icu = this.options.icu ?? true;
    const parsed = tryParseV2(line, this.registered, icu) ?? tryParseLegacy(line, this.registered);
    if (!parsed) return null;
    const command: RunnerCommand = {
      command: parsed.name.toLowerCase(),
      properties: parsed.properties,
      data: parsed.data,
      line,
      lineNumber: this.lineNumber,
      form: parsed.form,
    };

    if (this.stopToken !== null) {
      // While stopped, only the token line (as a command name) counts: it resumes.
      if (command.command !== this.stopToken.toLowerCase()) return null;
      this.registered.delete(this.stopToken.toLowerCase());
      this.stopToken = null;
      command.effect = 'resume';
      return this.keep(command);
    }

    if (command.command === 'stop-commands') {
      const token = command.data;
      // ValidateStopToken: empty, a registered command, or pause-logging throws.
      if (token === '' || this.registered.has(token.toLowerCase()) || token.toLowerCase() === 'pause-logging') {
        command.rejected = `unsupported stop token '${token}'`;
        return this.keep(command);
      }
      this.stopToken = token;
      this.registered.add(token.toLowerCase());
      command.effect = 'stop';
    }
    return this.keep(command);
  }

  private keep(command: RunnerCommand): RunnerCommand {
    this.commands.push(command);
    return command;
  }
}

/** Every workflow command the runner would process in this output. */
export function parseRunnerCommands(output: string, options: ParseOptions = {}): RunnerCommand[] {
  return new RunnerCommandParser(options).feed(output);
}
