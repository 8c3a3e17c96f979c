import { describe, expect, it } from 'vitest';
import { matchTrigger } from '../../src/github/trigger-phrase.js';

const found = (body: string, phrase = '@mogplex') => matchTrigger(body, phrase).found;
const task = (body: string, phrase = '@mogplex') => matchTrigger(body, phrase).task;

describe('matchTrigger', () => {
  it('finds the phrase as a word, anywhere in the prose, in any case', () => {
    expect(found('@mogplex fix the failing test')).toBe(true);
    expect(found('Could you take this, @mogplex?')).toBe(true);
    expect(found('@MogPlex fix it')).toBe(true);
    expect(found('first line\n\n@mogplex: fix it')).toBe(true);
    expect(found('(@mogplex) please look')).toBe(true);
    expect(found('"@mogplex" please look')).toBe(true);
    expect(found('cc:@mogplex')).toBe(true);
    expect(found('thanks @mogplex.')).toBe(true);
  });

  it('does not find it inside another word, a handle or an address', () => {
    expect(found('mail dev@mogplex.example about it')).toBe(false);
    expect(found('see @mogplex.example for details')).toBe(false);
    expect(found('@mogplexbot fix it')).toBe(false);
    expect(found('@mogplex-bot fix it')).toBe(false);
    expect(found('@mogplex_team fix it')).toBe(false);
    expect(found('npm i @mogplex/cli')).toBe(false);
    expect(found('https://npmjs.com/package/@mogplex')).toBe(false);
    expect(found('no phrase here at all')).toBe(false);
    expect(found('')).toBe(false);
  });

  it('does not count it in code spans, fenced blocks or quotes', () => {
    expect(found('Write `@mogplex fix it` to ask the agent')).toBe(false);
    expect(found('Use ``a ` @mogplex`` as shown')).toBe(false);
    expect(found('```\n@mogplex fix it\n```')).toBe(false);
    expect(found('~~~yaml\nrun: echo @mogplex\n~~~')).toBe(false);
    expect(found('````\n```\n@mogplex\n```\n````')).toBe(false);
    expect(found('> @mogplex fix it\n\nI agree with the above')).toBe(false);
    expect(found('  > @mogplex fix it')).toBe(false);
  });

  it('counts it after a code span or block has closed, and before an unclosed backtick', () => {
    expect(found('`code` then @mogplex fix it')).toBe(true);
    expect(found('```\ncode\n```\n@mogplex fix it')).toBe(true);
    expect(found('> quoted @mogplex\n@mogplex do it for real')).toBe(true);
    expect(found('a lone ` backtick and @mogplex')).toBe(true);
  });

  it('takes the phrase (and a colon or comma right after it) out of the task, keeping the rest as written', () => {
    expect(task('@mogplex fix the failing test')).toBe('fix the failing test');
    expect(task('@mogplex: fix it')).toBe('fix it');
    expect(task('please @mogplex, fix it')).toBe('please fix it');
    expect(task('Hi @MOGPLEX\n\nRename `foo` to `bar`.\n\n```ts\nconst @mogplex = 1\n```')).toBe(
      'Hi\n\nRename `foo` to `bar`.\n\n```ts\nconst @mogplex = 1\n```',
    );
    expect(task('@mogplex')).toBe('');
    expect(task('  @mogplex   ')).toBe('');
  });

  it('works with another phrase, read literally (not as a pattern)', () => {
    expect(found('/agent fix it', '/agent')).toBe(true);
    expect(found('foo/agent fix it', '/agent')).toBe(false);
    expect(found('@a.b fix it', '@a.b')).toBe(true);
    expect(found('@aXb fix it', '@a.b')).toBe(false);
    expect(task('/agent fix it', '/agent')).toBe('fix it');
  });

  it('handles windows line endings and a long comment full of code spans', () => {
    expect(found('```\r\n@mogplex\r\n```\r\nok')).toBe(false);
    expect(found(`${'`x` '.repeat(20_000)}@mogplex ${'word '.repeat(20_000)}`)).toBe(true);
    expect(found(`${'`x` '.repeat(20_000)}\`@mogplex\``)).toBe(false);
  });
});
