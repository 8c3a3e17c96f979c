// Reads the few action.yml fields a runner needs to start the action: input
// defaults and runs.main/post. A deliberately small YAML subset (block
// mappings, plain/quoted scalars, | and > blocks), since no YAML dependency is
// installed; anything fancier in action.yml should be passed as explicit inputs.
import { existsSync, readFileSync } from 'node:fs';

export interface ActionManifest {
  inputs: Record<string, { default?: string; required?: boolean }>;
  runs: { using?: string; main?: string; pre?: string; post?: string };
}

interface Line {
  indent: number;
  key: string;
  value: string;
  index: number;
}

function parseScalar(raw: string): string {
  const value = raw.trim();
  if (value.startsWith("'")) return value.slice(1, value.lastIndexOf("'")).replace(/''/g, "'");
  if (value.startsWith('"')) {
    const body = value.slice(1, value.lastIndexOf('"'));
    try {
      return JSON.parse(`"${body}"`) as string;
    } catch {
      return body;
    }
  }
  return value.replace(/\s+#.*$/, '');
}

function keyLine(text: string, index: number): Line | null {
  const match = /^(\s*)([A-Za-z0-9_.-]+|'[^']*'|"[^"]*"):(?:\s+(.*))?$/.exec(text);
  if (!match || text.trimStart().startsWith('#')) return null;
  return { indent: match[1]?.length ?? 0, key: parseScalar(match[2] ?? ''), value: match[3] ?? '', index };
}

/** Collects a | or > block scalar that starts after line `index`. */
function blockScalar(lines: string[], index: number, parentIndent: number, folded: boolean): string {
  const body: string[] = [];
  let indent = -1;
  for (let i = index + 1; i < lines.length; i += 1) {
    const text = lines[i] ?? '';
    if (text.trim() === '') {
      body.push('');
      continue;
    }
    const own = text.length - text.trimStart().length;
    if (own <= parentIndent) break;
    if (indent < 0) indent = own;
    body.push(text.slice(indent));
  }
  while (body.length > 0 && body[body.length - 1] === '') body.pop();
  return folded ? `${body.join(' ')}\n` : `${body.join('\n')}\n`;
}

/** Index of the last line of the block scalar that starts after line `index`. */
function skipBlock(lines: string[], index: number, parentIndent: number): number {
  let last = index;
  for (let i = index + 1; i < lines.length; i += 1) {
    const text = lines[i] ?? '';
    if (text.trim() !== '' && text.length - text.trimStart().length <= parentIndent) break;
    last = i;
  }
  return last;
}

function scalarAt(lines: string[], line: Line): string {
  const v = line.value.trim();
  if (/^[|>][-+]?$/.test(v)) {
    const text = blockScalar(lines, line.index, line.indent, v.startsWith('>'));
    return v.endsWith('-') ? text.replace(/\n+$/, '') : text;
  }
  return parseScalar(v);
}

export function parseActionManifest(yaml: string): ActionManifest {
  const lines = yaml.split(/\r?\n/);
  const manifest: ActionManifest = { inputs: {}, runs: {} };
  let section: 'inputs' | 'runs' | null = null;
  let inputIndent = -1;
  let currentInput: string | null = null;
  for (let i = 0; i < lines.length; i += 1) {
    const line = keyLine(lines[i] ?? '', i);
    if (!line) continue;
    const blockEnd = /^[|>][-+]?$/.test(line.value.trim()) ? skipBlock(lines, i, line.indent) : i;
    if (line.indent === 0) {
      section = line.key === 'inputs' ? 'inputs' : line.key === 'runs' ? 'runs' : null;
      inputIndent = -1;
      currentInput = null;
      i = blockEnd;
      continue;
    }
    if (section === 'runs' && (line.key === 'using' || line.key === 'main' || line.key === 'pre' || line.key === 'post')) {
      manifest.runs[line.key] = scalarAt(lines, line);
    } else if (section === 'inputs') {
      if (inputIndent < 0) inputIndent = line.indent;
      if (line.indent === inputIndent) {
        currentInput = line.key;
        manifest.inputs[currentInput] = {};
      } else if (currentInput && line.indent > inputIndent) {
        const input = manifest.inputs[currentInput];
        if (input && line.key === 'default') input.default = scalarAt(lines, line);
        if (input && line.key === 'required') input.required = scalarAt(lines, line) === 'true';
      }
    }
    i = blockEnd; // block-scalar bodies (e.g. long descriptions) hold no keys
  }
  return manifest;
}

export function readActionManifest(path: string): ActionManifest | null {
  return existsSync(path) ? parseActionManifest(readFileSync(path, 'utf8')) : null;
}

/** Replaces `${{ expr }}` with known context values (unknown ones become ''), as the runner evaluates defaults. */
export function evaluateDefault(value: string, context: Record<string, string>): string {
  return value.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_m, expr: string) => context[expr] ?? '');
}
