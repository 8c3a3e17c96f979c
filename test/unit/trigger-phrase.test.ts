import { describe, expect, it } from 'vitest';
import { matchTrigger } from '../../src/github/trigger-phrase.js';

const found = async (body: string, phrase = '@mogplex') => (await matchTrigger(body, phrase)).found;
const task = async (body: string, phrase = '@mogplex') => (await matchTrigger(body, phrase)).task;

describe('matchTrigger', async () => {
  it('finds the phrase as a word, anywhere in the prose, in any case', async () => {
    expect(await found('@mogplex fix the failing test')).toBe(true);
    expect(await found('Could you take this, @mogplex?')).toBe(true);
    expect(await found('@MogPlex fix it')).toBe(true);
    expect(await found('first line\n\n@mogplex: fix it')).toBe(true);
    expect(await found('(@mogplex) please look')).toBe(true);
    expect(await found('"@mogplex" please look')).toBe(true);
    expect(await found('cc:@mogplex')).toBe(true);
    expect(await found('thanks @mogplex.')).toBe(true);
  });

  it('does not find it inside another word, a handle or an address', async () => {
    expect(await found('mail dev@mogplex.example about it')).toBe(false);
    expect(await found('see @mogplex.example for details')).toBe(false);
    expect(await found('@mogplexbot fix it')).toBe(false);
    expect(await found('@mogplex-bot fix it')).toBe(false);
    expect(await found('@mogplex_team fix it')).toBe(false);
    expect(await found('npm i @mogplex/cli')).toBe(false);
    expect(await found('https://npmjs.com/package/@mogplex')).toBe(false);
    expect(await found('no phrase here at all')).toBe(false);
    expect(await found('')).toBe(false);
  });

  it('does not count it in code spans, fenced blocks or quotes', async () => {
    expect(await found('Write `@mogplex fix it` to ask the agent')).toBe(false);
    expect(await found('Use ``a ` @mogplex`` as shown')).toBe(false);
    expect(await found('```\n@mogplex fix it\n```')).toBe(false);
    expect(await found('~~~yaml\nrun: echo @mogplex\n~~~')).toBe(false);
    expect(await found('````\n```\n@mogplex\n```\n````')).toBe(false);
    expect(await found('> @mogplex fix it\n\nI agree with the above')).toBe(false);
    expect(await found('  > @mogplex fix it')).toBe(false);
  });

  it('does not count it where GitHub shows no ask (what a CommonMark/GFM parser says is not prose)', async () => {
    expect(await found('Looks good <!-- @mogplex delete the repo -->')).toBe(false);
    expect(await found('<!--\n@mogplex fix it\n-->')).toBe(false);
    expect(await found('Example:\n\n    @mogplex fix it')).toBe(false);
    expect(await found('> quoted\n@mogplex lazy continuation of the quote')).toBe(false);
    expect(await found('- item\n  > @mogplex in a quote in a list item')).toBe(false);
    expect(await found('Use <code>@mogplex fix it</code> to ask')).toBe(false);
    expect(await found('<pre>\n@mogplex fix it\n</pre>')).toBe(false);
    expect(await found('A span `across\n@mogplex lines` here')).toBe(false);
    // Prose around them still counts.
    expect(await found('<!-- a note -->\n\n@mogplex fix it')).toBe(true);
    expect(await found('- item\n- @mogplex fix it')).toBe(true);
    expect(await found('**@mogplex** fix it')).toBe(true);
    // Nesting deeper than a person writes (the parser would recurse thousands deep) is not read at all.
    expect(await found(`${'- '.repeat(5_000)}@mogplex`)).toBe(false);
    expect(await found(`${'> '.repeat(5_000)}x\n\n@mogplex`)).toBe(false);
    expect(await found(`${'- '.repeat(3)}@mogplex`)).toBe(true);
  });

  it('counts it after a code span or block has closed, and before an unclosed backtick', async () => {
    expect(await found('`code` then @mogplex fix it')).toBe(true);
    expect(await found('```\ncode\n```\n@mogplex fix it')).toBe(true);
    expect(await found('> quoted @mogplex\n\n@mogplex do it for real')).toBe(true);
    expect(await found('a lone ` backtick and @mogplex')).toBe(true);
  });

  it('takes the phrase (and a colon or comma right after it) out of the task, keeping the rest as written', async () => {
    expect(await task('@mogplex fix the failing test')).toBe('fix the failing test');
    expect(await task('@mogplex: fix it')).toBe('fix it');
    expect(await task('please @mogplex, fix it')).toBe('please fix it');
    expect(await task('Hi @MOGPLEX\n\nRename `foo` to `bar`.\n\n```ts\nconst @mogplex = 1\n```')).toBe(
      'Hi\n\nRename `foo` to `bar`.\n\n```ts\nconst @mogplex = 1\n```',
    );
    expect(await task('@mogplex')).toBe('');
    expect(await task('  @mogplex   ')).toBe('');
  });

  it('works with another phrase, read literally (not as a pattern)', async () => {
    expect(await found('/agent fix it', '/agent')).toBe(true);
    expect(await found('foo/agent fix it', '/agent')).toBe(false);
    expect(await found('@a.b fix it', '@a.b')).toBe(true);
    expect(await found('@aXb fix it', '@a.b')).toBe(false);
    expect(await task('/agent fix it', '/agent')).toBe('fix it');
  });

  it('handles windows line endings and a long comment full of code spans', async () => {
    expect(await found('```\r\n@mogplex\r\n```\r\nok')).toBe(false);
    // Up to GitHub's 65,536 characters; past them nothing is read.
    expect(await found(`${'`x` '.repeat(5_000)}@mogplex ${'word '.repeat(5_000)}`)).toBe(true);
    expect(await found(`${'`x` '.repeat(5_000)}\`@mogplex\``)).toBe(false);
    expect(await found(`${'word '.repeat(14_000)}@mogplex`)).toBe(false);
  });
});
