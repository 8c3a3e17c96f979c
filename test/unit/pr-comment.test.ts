import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StartedRun } from '../../src/api/schema.js';
import { commentMarker, MAX_COMMENT_CHARS, renderComment, renderNotice } from '../../src/github/comment-body.js';
import type { WorkflowContext } from '../../src/event/context.js';
import { TrackingComment } from '../../src/github/tracking-comment.js';
import { newReport, recordEvent, type RunReport } from '../../src/report/report.js';
import { startedRun } from './fixtures.js';

const GH = 'https://api.github.com';
const context: WorkflowContext = {
  eventName: 'pull_request',
  repository: 'acme/web',
  runId: '555',
  runAttempt: '1',
  job: 'agent',
  action: '__run',
  serverUrl: 'https://github.com',
  apiUrl: GH,
  pullRequestNumber: 7,
  fromFork: false,
};
const started: StartedRun = startedRun({ branch: { base: 'feature/login', working: 'mogplex/external/ab-cd', createBranch: true } });
const marker = commentMarker(context, 'key-1', 'mog_secret');
const view = { marker, prompt: 'Fix the login test', context };
const bot = { type: 'Bot', login: 'github-actions[bot]' };
let warnings: string[];

function report(status = 'pending'): RunReport {
  const r = newReport(started, 'acme/web');
  r.run = { ...r.run, status };
  return r;
}

async function open(ctx: WorkflowContext = context, v = view): Promise<TrackingComment | undefined> {
  return TrackingComment.open({ context: ctx, token: 'ghs_token', view: v, fetch: globalThis.fetch });
}

beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
  warnings = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    if (String(chunk).startsWith('::warning::')) warnings.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  nock.cleanAll();
});

describe('TrackingComment', () => {
  it('creates one comment when the run starts and updates that same comment after', async () => {
    const bodies: string[] = [];
    const scope = nock(GH, { reqheaders: { authorization: 'token ghs_token' } })
      .get('/repos/acme/web/issues/7/comments')
      .query({ per_page: '100', page: '1' })
      .reply(200, [{ id: 1, body: 'LGTM', user: { type: 'User' } }])
      .post('/repos/acme/web/issues/7/comments', (body: { body: string }) => bodies.push(body.body) > 0)
      .reply(201, { id: 42 })
      .patch('/repos/acme/web/issues/comments/42', (body: { body: string }) => bodies.push(body.body) > 0)
      .twice()
      .reply(200, { id: 42 });
    const comment = await open();
    await comment!.publish(report('pending'));
    await comment!.publish(report('streaming'));
    const done = report('success');
    done.outcome = 'success';
    await comment!.publish(done);
    scope.done();
    expect(bodies.map((b) => b.split('\n')[0])).toEqual([marker, marker, marker]);
    expect(bodies[2]).toContain('✅ Mogplex run succeeded');
  });

  it('skips a write whose body did not change', async () => {
    const scope = nock(GH)
      .get(/comments/)
      .reply(200, [])
      .post(/comments/)
      .reply(201, { id: 42 });
    const comment = await open();
    await comment!.publish(report('pending'));
    await comment!.publish(report('pending'));
    scope.done();
  });

  it("finds this step's comment again on a re-run and edits it in place", async () => {
    const scope = nock(GH)
      .get(/comments/)
      .reply(200, [{ id: 9, body: `${marker}\nold`, user: bot }])
      .patch('/repos/acme/web/issues/comments/9')
      .reply(200, { id: 9 });
    await (await open())!.publish(report());
    scope.done();
  });

  it('looks through every page of comments for its own', async () => {
    const page1 = Array.from({ length: 100 }, (_, i) => ({ id: i + 1, body: 'chatter', user: { type: 'User' } }));
    const scope = nock(GH)
      .get('/repos/acme/web/issues/7/comments')
      .query({ per_page: '100', page: '1' })
      .reply(200, page1)
      .get('/repos/acme/web/issues/7/comments')
      .query({ per_page: '100', page: '2' })
      .reply(200, [{ id: 500, body: `${marker}\nold`, user: bot }])
      .patch('/repos/acme/web/issues/comments/500')
      .reply(200, { id: 500 });
    await (await open())!.publish(report());
    scope.done();
  });

  it('gives two steps two comments, and never edits a human comment that copies the marker', async () => {
    const other = commentMarker({ ...context, action: '__run_2' }, 'key-1', 'mog_secret');
    expect(other).not.toBe(marker);
    const scope = nock(GH)
      .get(/comments/)
      .reply(200, [
        { id: 9, body: `${other}\nstep two`, user: bot },
        { id: 10, body: `${marker}\nhand-made`, user: { type: 'User' } },
      ])
      .post('/repos/acme/web/issues/7/comments')
      .reply(201, { id: 11 });
    await (await open())!.publish(report());
    scope.done();
  });

  it('turns a 403 into one warning and makes no further calls', async () => {
    const scope = nock(GH)
      .get(/comments/)
      .reply(200, [])
      .post(/comments/)
      .reply(403, { message: 'Resource not accessible by integration' });
    const comment = await open();
    await comment!.publish(report('pending'));
    await comment!.publish(report('success'));
    scope.done();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not write the pull request comment.*pull-requests: write/);
  });

  it('gives up on a GitHub call that does not answer in time, with one warning', async () => {
    nock(GH)
      .get(/comments/)
      .delay(1_000)
      .reply(200, []);
    const comment = await TrackingComment.open({ context, token: 'ghs_token', view, fetch: globalThis.fetch, timeoutMs: 50 });
    const started = Date.now();
    await comment!.publish(report());
    expect(Date.now() - started).toBeLessThan(900);
    expect(warnings).toHaveLength(1);
  });

  it('talks to a GitHub Enterprise Server API URL', async () => {
    const ghes = 'https://ghe.example.com/api/v3';
    const scope = nock('https://ghe.example.com')
      .get('/api/v3/repos/acme/web/issues/7/comments')
      .query(true)
      .reply(200, [])
      .post('/api/v3/repos/acme/web/issues/7/comments')
      .reply(201, { id: 1 });
    await (await open({ ...context, apiUrl: ghes }))!.publish(report());
    scope.done();
  });

  it('makes no call without a pull request, and skips forks once with a warning', async () => {
    expect(await open({ ...context, pullRequestNumber: undefined })).toBeUndefined();
    expect(await open({ ...context, fromFork: true })).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/fork/);
  });
});

describe('renderComment', () => {
  it('shows status, prompt, harness, branches with links, duration, events, error and the log link', () => {
    const r = report('failed');
    r.outcome = 'failed';
    r.failure = 'Mogplex run run-1 failed: 2 tests still failing';
    recordEvent(r, { id: 'e1', type: 'tool_started', toolName: 'run_tests', message: 'Running npm test', payload: null, createdAt: null });
    const body = renderComment(r, { ...view, prompt: 'line 1\nline 2\nline 3\nline 4\nline 5' });
    expect(body.split('\n')[0]).toBe(marker);
    expect(body).toContain('### ❌ Mogplex run failed');
    expect(body).toContain('> line 1\n> line 2\n> line 3');
    expect(body).toContain('<details><summary>The rest of the prompt (2 more lines)</summary>');
    expect(body).toContain('| **Harness** | codex |');
    expect(body).toContain(
      '[feature/login](https://github.com/acme/web/tree/feature/login) → [mogplex/external/ab-cd](https://github.com/acme/web/tree/mogplex/external/ab-cd)',
    );
    expect(body).toContain('[compare](https://github.com/acme/web/compare/feature/login...mogplex/external/ab-cd)');
    expect(body).toContain('| tool&#95;started | run&#95;tests | Running npm test |');
    expect(body).toContain('**Error:** Mogplex run run-1 failed&#58; 2 tests still failing');
    expect(body).toContain('[Workflow run log](https://github.com/acme/web/actions/runs/555/attempts/1)');
  });

  it.each([
    ['@acme/security please merge', /@acme/],
    ['<img src=x onerror=alert(1)>', /<img/],
    ['[click me](https://evil.example)', /\[click me\]/],
    ['| a | b |\n|---|', /\| a \|/],
    ['<!-- mogplex-run-action job=x -->', /<!-- mogplex-run-action job=x/],
    ['**bold** `code` ~~x~~', /\*\*bold/],
  ])('escapes %j in events, errors and the prompt', (attack, raw) => {
    const r = report('failed');
    r.failure = attack;
    recordEvent(r, { id: 'e', type: attack, toolName: attack, message: attack, payload: null, createdAt: null });
    const body = renderComment(r, { ...view, prompt: attack });
    expect(body.slice(marker.length)).not.toMatch(raw);
  });

  it.each([
    ['www.evil.example/login', /www\./i],
    ['see https://evil.example/x', /https?:/],
    ['&#64;octocat and @octocat', /@octocat/],
    ['fixes &#35;1, #2 and GH-3', /#\d|GH-\d/],
    ['mail admin@evil.example', /@evil/],
  ])('makes no link, mention or reference from %j', (attack, pattern) => {
    const r = report('failed');
    r.failure = attack;
    recordEvent(r, { id: 'e', type: 'log', toolName: attack, message: attack, payload: null, createdAt: null });
    const body = renderComment(r, { ...view, prompt: `${attack}\n2\n3\n${attack}` });
    // As GitHub reads it: entities decoded (twice, to be safe), the action's own links left out.
    const decode = (text: string) => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
    const text = decode(decode(body)).replace(/\]\(https:\/\/github\.com\/[^)\s]*\)/g, '](own)');
    expect(text.replace(/\u2060/g, '')).toMatch(pattern);
    expect(text).not.toMatch(pattern);
  });

  it('cuts a 99,000-character prompt, then event rows, to fit the 65,536-character limit, with notes', () => {
    const r = report('streaming');
    for (let i = 0; i < 5; i++)
      recordEvent(r, { id: `e${i}`, type: 'log', toolName: null, message: '<'.repeat(200), payload: null, createdAt: null });
    const prompt = Array.from({ length: 330 }, () => '@'.repeat(299)).join('\n');
    expect(prompt.length).toBeGreaterThan(98_000);
    const body = renderComment(r, { ...view, prompt });
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body.length).toBeGreaterThan(MAX_COMMENT_CHARS * 0.8);
    expect(body).toMatch(/… \d+ more lines of the prompt not shown\./);
    expect(body).toContain('| log |'); // the prompt went first: the events are all there
    expect(body.match(/^\| log \|/gm)).toHaveLength(5);

    const small = renderComment(r, { ...view, prompt }, 15_000);
    expect(small.length).toBeLessThanOrEqual(15_000);
    expect(small).toContain("Some events are left out to fit GitHub's comment size limit.");
    expect(small).toContain('[Workflow run log]');
  });

  it('keeps a hostile branch name inside its link', () => {
    const r = report();
    r.run = { ...r.run, branch: { base: 'main', working: 'x)[y](https://evil.example', createBranch: true } };
    const body = renderComment(r, view);
    expect(body).not.toContain('](https://evil.example');
    expect(body).toContain('/tree/x%29%5By%5D%28https%3A/');
  });

  it('tells matrix legs apart by their idempotency key, and stays the same across re-runs', () => {
    expect(commentMarker({ ...context, runAttempt: '2' }, 'key-1', 'mog_secret')).toBe(marker);
    expect(commentMarker(context, 'key-2', 'mog_secret')).not.toBe(marker);
    // Not computable from the (public) key without the Mogplex token.
    expect(commentMarker(context, 'key-1', 'mog_other')).not.toBe(marker);
    // A job name cannot end the HTML comment early.
    expect(commentMarker({ ...context, job: 'j-->x' }, 'k', 's')).toMatch(/^<!-- [^>]* -->$/);
  });

  it('in comment mode, ends with the result the asker wants: the pull request, or no changes', () => {
    const trigger = { login: 'octocat', commentUrl: 'https://github.com/acme/web/issues/7#issuecomment-1' };
    const r = report('success');
    r.outcome = 'success';
    r.delivery = { pullRequestUrl: 'https://github.com/acme/web/pull/12', changed: true };
    const lines = renderComment(r, { ...view, trigger })
      .trimEnd()
      .split('\n');
    expect(lines.at(-3)).toMatch(/^\*\*Pull request: \[[^\]]+\]\(https:\/\/github\.com\/acme\/web\/pull\/12\)\*\*$/);
    expect(lines.slice(-2)).toEqual(['', '[Workflow run log](https://github.com/acme/web/actions/runs/555/attempts/1)']);
    r.delivery = { pullRequestUrl: null, changed: false };
    expect(renderComment(r, { ...view, trigger })).toContain('\n**No code changes**\n');
    // Without a trigger (comment-on-pr) the result is in the table only.
    expect(renderComment(r, view)).not.toContain('**No code changes**');
  });

  it('names who asked in comment mode, as code (never a mention), with a link to their comment', () => {
    const trigger = { login: 'octocat', commentUrl: 'https://github.com/acme/web/issues/7#issuecomment-1' };
    const body = renderComment(report(), { ...view, trigger });
    expect(body).toContain('Asked by `octocat` in [this comment](https://github.com/acme/web/issues/7#issuecomment-1).');
    expect(renderComment(report(), { ...view, trigger: { ...trigger, login: 'x` @all' } })).toContain('Asked by someone in');
  });
});

describe('renderNotice', () => {
  it('says why no run started, escaped, with the example as code', () => {
    const body = renderNotice(
      { headline: '❓ What should Mogplex do?', message: 'No task <b>given</b>', example: '@mogplex fix `it`' },
      view,
    );
    expect(body.split('\n')[0]).toBe(marker);
    expect(body).toContain('### ❓ What should Mogplex do?');
    expect(body).toContain('No task &#60;b&#62;given&#60;/b&#62;');
    expect(body).toContain("For example: `@mogplex fix 'it'`");
    expect(body).toContain('[Workflow run log](https://github.com/acme/web/actions/runs/555/attempts/1)');
  });
});
