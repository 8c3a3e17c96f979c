import { describe, expect, it } from 'vitest';
import { getScenario } from '../simulator/scenarios.js';
import { parseRunnerCommands, RunnerCommandParser, splitRunnerLines } from './support/runner-commands.js';

const names = (out: string): string[] => parseRunnerCommands(out).map((c) => `${c.command}:${c.data}`);

describe('parseRunnerCommands', () => {
  it('detects ::error:: and keeps properties', () => {
    const [cmd] = parseRunnerCommands('::error file=src/a.ts,line=3,title=Bad%3A%2Cthing::it broke\n');
    expect(cmd).toMatchObject({ command: 'error', data: 'it broke', form: 'v2' });
    expect(cmd?.properties).toEqual({ file: 'src/a.ts', line: '3', title: 'Bad:,thing' });
  });

  it('detects indented commands (leading whitespace is trimmed)', () => {
    expect(names('  ::warning::y\n\t::notice::z\n\u00a0::debug::nbsp\n')).toEqual(['warning:y', 'notice:z', 'debug:nbsp']);
  });

  it('detects legacy ##[cmd] anywhere in a line', () => {
    const [cmd] = parseRunnerCommands('prefix text ##[error]pwned');
    expect(cmd).toMatchObject({ command: 'error', data: 'pwned', form: 'legacy' });
    expect(names('x ##[group]My group\n')).toEqual(['group:My group']);
    expect(names('x ##[warning file=a.ts;line=2]w')).toEqual(['warning:w']);
  });

  it('ignores lines that merely contain :: not at the start, and unknown commands', () => {
    expect(names('see a::b::c\nstd::vector\nfoo ::error::x\n::unknown::x\n::error no closing\n%0A::error::encoded\n')).toEqual([]);
  });

  it('matches command names case-insensitively', () => {
    expect(names('::ERROR::loud')).toEqual(['error:loud']);
  });

  it('falls back to the legacy form when the v2 command is unknown', () => {
    expect(names('::foo::##[warning]w')).toEqual(['warning:w']);
  });

  it('unescapes data like the runner (sequential, %25 last)', () => {
    expect(names('::error::a%0Ab%0Dc%25d%250A')).toEqual(['error:a\nb\rc%d%0A']);
    expect(names('x ##[error]semi%3Bbracket%5D')).toEqual(['error:semi;bracket]']);
  });

  it('splits lines at \\n, \\r\\n and a lone \\r', () => {
    expect(splitRunnerLines('a\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd']);
    expect(names('all good\n::error::x\nline one\r\n##[group]x\ncarriage\r::error::cr')).toEqual(['error:x', 'group:x', 'error:cr']);
  });

  it('stops at ::stop-commands::TOKEN and resumes at ::TOKEN::', () => {
    const out = ['::stop-commands::abc', '::error::hidden', '##[warning]hidden too', '::abc::', '::error::shown'].join('\n');
    const cmds = parseRunnerCommands(out);
    expect(cmds.map((c) => [c.command, c.effect ?? null, c.data])).toEqual([
      ['stop-commands', 'stop', 'abc'],
      ['abc', 'resume', ''],
      ['error', null, 'shown'],
    ]);
  });

  it('resumes on the legacy form of the token too, and never without it', () => {
    expect(names('::stop-commands::tok\nx ##[tok]\n::error::after')).toEqual(['stop-commands:tok', 'tok:', 'error:after']);
    expect(names('::stop-commands::tok\n::error::never\n::other::')).toEqual(['stop-commands:tok']);
  });

  it('rejects unsafe stop tokens without stopping', () => {
    const cmds = parseRunnerCommands('::stop-commands::error\n::error::still processed\n::stop-commands::\n');
    expect(cmds[0]?.rejected).toBeDefined();
    expect(cmds[1]).toMatchObject({ command: 'error', data: 'still processed' });
    expect(cmds[2]?.rejected).toBeDefined();
  });

  it('approximates ICU matching: ignorable characters inside the separator', () => {
    expect(names('::error:\u200b:x')).toEqual(['error::x']); // data starts at endIndex + 2
    expect(parseRunnerCommands('::error:\u200b:x', { icu: false })).toEqual([]);
    // A leading zero-width char shifts the command name, so no command.
    expect(names('\u200b::error::x\n\ufeff::error::x')).toEqual([]);
  });

  it('keeps stop state across feeds (stdout and stderr share it)', () => {
    const parser = new RunnerCommandParser();
    parser.feed('::stop-commands::zz\n');
    expect(parser.stopped).toBe(true);
    expect(parser.feed('::error::ignored\n')).toEqual([]);
    parser.feed('::zz::\n');
    expect(parser.feed('::error::seen\n').map((c) => c.data)).toEqual(['seen']);
  });

  it('finds the attacks in the injection scenario when printed raw', () => {
    const raw = (getScenario('injection')?.events ?? []).map((e) => ('message' in e ? e.message : '')).join('\n');
    const found = parseRunnerCommands(raw).map((c) => c.command);
    expect(found).toEqual(expect.arrayContaining(['add-mask', 'set-output', 'error', 'stop-commands']));
  });
});
