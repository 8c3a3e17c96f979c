// The demo writes colour only to a terminal, and follows NO_COLOR and FORCE_COLOR.
import { describe, expect, it } from 'vitest';
import { ANSI, PLAIN, styleFor, wantsColour } from '../../scripts/colour.js';
import { LogView, summaryAsText } from '../../scripts/github-view.js';

const ESC = '\u001b';

describe('wantsColour', () => {
  it('colours a terminal and not a pipe or a file', () => {
    expect(wantsColour({}, true)).toBe(true);
    expect(wantsColour({}, false)).toBe(false);
  });

  it('NO_COLOR (non-empty) turns it off, even on a terminal', () => {
    expect(wantsColour({ NO_COLOR: '1' }, true)).toBe(false);
    expect(wantsColour({ NO_COLOR: '' }, true)).toBe(true);
  });

  it('FORCE_COLOR turns it on for a pipe, over NO_COLOR; 0 or false turns it off', () => {
    expect(wantsColour({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(wantsColour({ FORCE_COLOR: '' }, false)).toBe(true);
    expect(wantsColour({ FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
    expect(wantsColour({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(wantsColour({ FORCE_COLOR: 'false' }, true)).toBe(false);
  });

  it('a dumb terminal gets none', () => {
    expect(wantsColour({ TERM: 'dumb' }, true)).toBe(false);
  });
});

describe('the demo view', () => {
  const run = (style: typeof ANSI): string[] => {
    const lines: string[] = [];
    const view = new LogView((line) => lines.push(line), style);
    view.feed('::group::Event 1\ninside\n::endgroup::\n::error::boom\n::warning::careful\n');
    lines.push(summaryAsText('<h2>Mogplex run</h2>\n<table><tr><th>status</th><td>success</td></tr></table>', style));
    return lines;
  };

  it('writes no escape sequence in the plain style (not a terminal)', () => {
    expect(styleFor({ isTTY: false }, {})).toBe(PLAIN);
    const out = run(PLAIN).join('\n');
    expect(out).not.toContain(ESC);
    expect(out).toContain('Error: boom');
    expect(out).toContain('## Mogplex run');
  });

  it('colours errors, warnings, groups and headings on a terminal', () => {
    expect(styleFor({ isTTY: true }, {})).toBe(ANSI);
    const out = run(ANSI);
    expect(out).toContain(`${ESC}[31mError: boom${ESC}[39m`);
    expect(out).toContain(`${ESC}[33mWarning: careful${ESC}[39m`);
    expect(out.join('\n')).toContain(`${ESC}[1m## Mogplex run${ESC}[22m`);
  });
});
