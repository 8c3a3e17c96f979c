import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/api/schema.js';
import {
  eventTitle,
  JobLog,
  payloadLines,
  RENDER_LIMITS,
  renderEvent,
  renderHeader,
  renderQuietEvent,
  untrusted,
} from '../../src/report/log.js';
import { newReport } from '../../src/report/report.js';
import { parseRunnerCommands } from '../support/runner-commands.js';

const start = Date.parse('2026-11-22T10:00:00Z');
const at = (s: number) => new Date(start + s * 1000).toISOString();

function ev(message: string, extra: Partial<RunEvent> = {}): RunEvent {
  return { id: 'e', type: 'tool_started', toolName: 'read_file', message, payload: null, createdAt: at(65), ...extra };
}

const ATTACKS = [
  '::add-mask::x',
  '::set-output name=status::success',
  '::error::pwned',
  'text ##[error]pwned',
  '::stop-commands::abc',
  '::abc::',
  '::endgroup::',
  '  ::warning::indented',
  '%0A::error::encoded',
  'line one\n::error::second line',
  'line one\r\n##[group]x',
  'tab\t::error::x',
  '\u001b[31m::error::ansi\u001b[0m',
  '\u202e::error::bidi',
  '::error:\u200b:zero width',
];

/** The commands the runner would run from these lines, other than the ones a renderer is allowed to emit. */
function foreignCommands(lines: string[]): string[] {
  return parseRunnerCommands(lines.join('\n'))
    .filter((c) => !['group', 'endgroup', 'stop-commands'].includes(c.command) && c.effect !== 'resume')
    .map((c) => c.line);
}

describe('renderEvent', () => {
  it('makes one group titled with the time since start, type, tool and message, and the payload inside', () => {
    const lines = renderEvent(ev('Reading src/auth.ts', { payload: { path: 'src/auth.ts' } }), start, 'T');
    expect(lines).toEqual([
      '::group::+1:05 tool_started read_file Reading src/auth.ts',
      '::stop-commands::T',
      '{',
      '  "path": "src/auth.ts"',
      '}',
      '::T::',
      '::endgroup::',
    ]);
    const commands = parseRunnerCommands(lines.join('\n'));
    expect(commands.map((c) => c.effect ?? c.command)).toEqual(['group', 'stop', 'resume', 'endgroup']);
    expect(commands[0]?.data).toBe('+1:05 tool_started read_file Reading src/auth.ts');
  });

  it.each(ATTACKS)('lets no workflow command through from %j', (attack) => {
    const lines = [
      ...renderEvent(ev(attack, { toolName: attack, type: attack, payload: { note: attack, nested: [attack] } }), start, 'f00d'),
      ...renderEvent(ev('x', { payload: attack }), start, 'beef'),
      ...renderQuietEvent(ev(attack, { type: 'failed' }), start, 'cafe'),
    ];
    expect(foreignCommands(lines)).toEqual([]);
    // The group and its end survive, so the log layout cannot be broken either.
    const commands = parseRunnerCommands(lines.join('\n')).map((c) => c.command);
    expect(commands.filter((c) => c === 'group')).toHaveLength(2);
    expect(commands.filter((c) => c === 'endgroup')).toHaveLength(2);
  });

  it('strips terminal control sequences and invisible characters from titles and bodies', () => {
    const lines = renderEvent(ev('\u001b[31mred\u001b[0m \u202egnp.exe\u200b', { payload: '\u001b]0;title\u0007ok' }), start, 'T');
    expect(lines.join('\n')).not.toMatch(/[\u001b\u202e\u200b\u0007]/);
    expect(lines[0]).toBe('::group::+1:05 tool_started read_file red gnp.exe');
  });

  it('escapes a title the way @actions/core escapes command data', () => {
    expect(renderEvent(ev('100% done'), start, 'T')[0]).toBe('::group::+1:05 tool_started read_file 100%25 done');
  });

  it('shows a long or multi-line message in full inside the group', () => {
    const lines = renderEvent(ev('first\nsecond'), start, 'T');
    expect(lines[0]).toBe('::group::+1:05 tool_started read_file first second');
    expect(lines.slice(2, 4)).toEqual(['first', 'second']);
  });
});

describe('untrusted', () => {
  it('wraps lines in a stop-commands block with the given token', () => {
    expect(untrusted(['::error::x'], 'tok')).toEqual(['::stop-commands::tok', '::error::x', '::tok::']);
    expect(untrusted([], 'tok')).toEqual([]);
  });
  it('uses a fresh unguessable token each time', () => {
    const log = new JobLog(() => undefined);
    const tokens = new Set([log.token(), log.token(), log.token()]);
    expect(tokens.size).toBe(3);
    for (const token of tokens) expect(token).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('header and titles', () => {
  it('says started or replayed, with the harness, repo and branches', () => {
    const report = newReport(
      {
        runId: 'r1',
        status: 'pending',
        harness: 'codex',
        repoId: 'x',
        branch: { base: 'main', working: 'mogplex/x', createBranch: true },
        createdAt: at(0),
        updatedAt: at(0),
        error: null,
        aiCallId: 'c1',
        mode: null,
        terminalCommitSha: null,
        replayed: true,
      },
      'acme/web',
    );
    const text = renderHeader(report, 'T').join('\n');
    expect(text).toContain('Mogplex run r1 replayed');
    expect(text).toContain('harness: codex');
    expect(text).toContain('repo: acme/web');
    expect(text).toContain('branch: main -> mogplex/x');
  });
  it('marks an event without a time', () => {
    expect(eventTitle(ev('m', { createdAt: null }), start)).toBe('+?:?? tool_started read_file m');
  });
});

describe('bounded rendering', () => {
  function nested(depth: number): unknown {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  }

  it('prints a payload 5,000 arrays deep to depth 8, in a few lines (JSON.stringify overflows the stack on it)', () => {
    const payload = { deep: nested(5_000) };
    expect(() => JSON.stringify(payload, null, 2)).toThrow(RangeError);
    const lines = renderEvent(ev('deep', { payload }), start, 'T');
    expect(lines.length).toBeLessThan(30);
    expect(lines.join('\n')).toContain('[… 1 more item, deeper than the log shows]');
    expect(lines.at(-1)).toBe('::endgroup::');
  });

  it('prints what JSON.stringify prints for a small payload', () => {
    const payload = { a: [1, { b: null, c: 'x' }], d: {}, e: [] };
    expect(payloadLines(payload)).toEqual(JSON.stringify(payload, null, 2).split('\n'));
  });

  it('cuts a payload at its size limit with a note of the lines left out', () => {
    const payload = { items: Array.from({ length: 10_000 }, (_, i) => ({ i })) };
    const lines = payloadLines(payload);
    expect(lines.slice(0, -1).join('\n').length).toBeLessThanOrEqual(RENDER_LIMITS.payloadChars + lines.length);
    expect(lines.at(-1)).toMatch(/^… \d+ more lines of payload not shown/);
  });

  it('cuts a 50 MB message to a bounded number of characters and lines, with a note', () => {
    const lines = renderEvent(ev('x'.repeat(50_000_000)), start, 'T');
    expect(lines.join('\n').length).toBeLessThan(RENDER_LIMITS.messageChars + 1_000);
    expect(lines).toContain(`… ${50_000_000 - RENDER_LIMITS.messageChars} more characters not shown`);
    const many = renderEvent(ev('l\n'.repeat(1_000)), start, 'T');
    expect(many).toContain(`… ${1_001 - RENDER_LIMITS.messageLines} more lines not shown`);
  });

  it('prints a placeholder for an event it cannot render, inside stop-commands', () => {
    const payload = {
      get boom(): never {
        throw new Error('::error::bad getter');
      },
    };
    const lines = renderEvent(ev('x', { id: 'e7', payload }), start, 'T');
    expect(lines).toEqual(['::stop-commands::T', 'Event e7 could not be shown (::error::bad getter).', '::T::']);
  });
});
