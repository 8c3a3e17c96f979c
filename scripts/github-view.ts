// Shows, in a terminal, what a person sees of a step on GitHub: the log with
// workflow commands processed (groups, masks, annotations) and the job summary
// as text. Used by the demo; it reads the action's real output.
import { RunnerCommandParser } from '../test/support/runner-commands.js';
import { PLAIN, type Style } from './colour.js';

/** Turns raw step output into log lines as GitHub's log viewer shows them, line by line. */
export class LogView {
  private readonly parser = new RunnerCommandParser();
  private readonly masks: string[] = [];
  private inGroup = false;
  private partial = '';

  constructor(
    private readonly print: (line: string) => void,
    private readonly style: Style = PLAIN,
  ) {}

  feed(chunk: string): void {
    const text = this.partial + chunk;
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.line(line.replace(/\r$/, ''));
  }

  private mask(text: string): string {
    return this.masks.reduce((out, secret) => out.split(secret).join('***'), text);
  }

  private line(line: string): void {
    const command = this.parser.feedLine(line);
    if (!command) {
      this.print(this.mask(this.inGroup ? `  ${this.style.dim('│')} ${line}` : line));
      return;
    }
    const data = this.mask(command.data);
    switch (command.command) {
      case 'add-mask':
        this.masks.push(command.data);
        return;
      case 'group':
        this.inGroup = true;
        this.print(`${this.style.bold('▸')} ${data}`);
        return;
      case 'endgroup':
        this.inGroup = false;
        return;
      case 'error':
        this.print(this.style.red(`Error: ${data}`));
        return;
      case 'warning':
        this.print(this.style.yellow(`Warning: ${data}`));
        return;
      default:
        // debug (hidden unless ACTIONS_STEP_DEBUG), stop-commands and its resume token.
        return;
    }
  }
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

function cellsOf(row: string): string[] {
  return [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => decodeEntities((m[1] ?? '').replace(/<[^>]+>/g, '')));
}

/** The job summary's HTML as aligned text. */
export function summaryAsText(html: string, style: Style = PLAIN): string {
  const out: string[] = [];
  for (const block of html.split('\n')) {
    const heading = /^<h(\d)>([\s\S]*)<\/h\d>$/.exec(block);
    if (heading) {
      out.push('', style.bold(`${'#'.repeat(Number(heading[1]))} ${decodeEntities(heading[2] ?? '')}`));
      continue;
    }
    if (block.startsWith('<table>')) {
      const rows = [...block.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => cellsOf(m[1] ?? ''));
      const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, Math.min(cell.length, 100))), []);
      for (const row of rows) out.push('  ' + row.map((cell, i) => cell.slice(0, 100).padEnd(widths[i] ?? 0)).join('  │  '));
      continue;
    }
    if (block.trim() !== '') out.push(decodeEntities(block.replace(/<[^>]+>/g, '')));
  }
  return out.join('\n');
}
