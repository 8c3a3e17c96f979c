// Comment mode before any Mogplex request: the phrase, who asked, reactions,
// the pull request behind an issue_comment, forks, and the settings a run gets.
// GitHub is nock; the Octokit is the real one (with a fetch nock can see).
import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readCommentEvent } from '../../src/event/comment-event.js';
import { commentTrigger, type CommentTrigger } from '../../src/github/comment-trigger.js';
import type { WorkflowContext } from '../../src/event/context.js';
import { chooseBranches } from '../../src/inputs/branches.js';
import type { Settings } from '../../src/inputs/settings.js';
import { newReport } from '../../src/report/report.js';
import { startedRun } from './fixtures.js';

const GH = 'https://api.github.com';
const REPO = '/repos/acme/web';
let stdout: string[];
const warnings = () => stdout.filter((line) => line.startsWith('::warning::'));

function issueComment(options: { body: string; login?: string; type?: string; onPullRequest?: boolean; action?: string; author?: string }) {
  return {
    action: options.action ?? 'created',
    issue: {
      number: 7,
      title: 'Login breaks on Safari',
      body: 'Steps to reproduce: open /login',
      user: { login: options.author ?? 'reporter', type: 'User' },
      ...(options.onPullRequest && { pull_request: { url: 'https://api.github.com/repos/acme/web/pulls/7' } }),
    },
    comment: { id: 321, body: options.body, user: { login: options.login ?? 'maintainer', type: options.type ?? 'User' } },
  };
}

function contextFor(eventName: string, payload: unknown): WorkflowContext {
  const comment = readCommentEvent(eventName, payload);
  return {
    eventName,
    repository: 'acme/web',
    runId: '555',
    runAttempt: '1',
    job: 'agent',
    action: '__run',
    serverUrl: 'https://github.com',
    apiUrl: GH,
    fromFork: false,
    ...(comment && { comment }),
  };
}

function trigger(context: WorkflowContext, inputs: Record<string, string> = {}): Promise<CommentTrigger> {
  const all: Record<string, string> = { 'github-token': 'ghs_token', 'trigger-phrase': '@mogplex', 'allowed-bots': '', ...inputs };
  return commentTrigger({ context, getInput: (name) => all[name] ?? '', fetch: globalThis.fetch });
}

/** The branches readSettings gives when no branch input is set. */
function defaultBranches(context: WorkflowContext): ReturnType<typeof chooseBranches> {
  return chooseBranches({ base: '', working: '', createBranch: false }, context);
}

const settings: Settings = {
  token: 'mog_x',
  apiUrl: 'https://mogplex.test',
  repo: { kind: 'name', fullName: 'acme/web' },
  prompt: '',
  harness: 'codex',
  createBranch: true,
  wait: true,
  timeoutMs: 60_000,
  cancelOnTimeout: true,
  requestsPerMinute: 20,
  shareFirstMinute: true,
  logLevel: 'events',
  commentOnPr: false,
  requireChanges: false,
  githubToken: '',
};

/** The calls an authorized trigger makes before the run: tracking comment look-up is lazy, so only the reaction. */
function allowed(role: { role_name?: string; permission?: string }, login = 'maintainer') {
  return nock(GH).get(`${REPO}/collaborators/${login}/permission`).reply(200, role);
}

beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
  stdout = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  nock.cleanAll();
});

describe('commentTrigger: the phrase', () => {
  it('does nothing, with no GitHub call, when the comment does not ask', async () => {
    const result = await trigger(contextFor('issue_comment', issueComment({ body: 'LGTM, ping dev@mogplex.example' })));
    expect(result).toMatchObject({ triggered: false });
    expect(result.triggered || result.error).toBeFalsy();
    expect(stdout.join('')).toContain('no @mogplex in this comment');
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('ignores edited comments, even with the phrase', async () => {
    const result = await trigger(contextFor('issue_comment', issueComment({ body: '@mogplex fix it', action: 'edited' })));
    expect(result).toMatchObject({ triggered: false, reason: expect.stringMatching(/only new comments/) });
  });

  it('uses a custom phrase, and refuses a phrase with spaces as an input error', async () => {
    const ctx = contextFor('issue_comment', issueComment({ body: '@mogplex fix it' }));
    expect(await trigger(ctx, { 'trigger-phrase': '/agent' })).toMatchObject({ triggered: false });
    expect(await trigger(ctx, { 'trigger-phrase': 'hey agent' })).toMatchObject({
      triggered: false,
      error: expect.stringMatching(/trigger-phrase/),
    });
  });
});

describe('commentTrigger: who may ask', () => {
  it.each([
    [{ role_name: 'admin', permission: 'admin' }, true],
    [{ role_name: 'maintain', permission: 'write' }, true],
    [{ role_name: 'write', permission: 'write' }, true],
    [{ role_name: 'triage', permission: 'read' }, false],
    [{ role_name: 'read', permission: 'read' }, false],
    [{ permission: 'write' }, true], // older servers: no role_name
    [{ permission: 'read' }, false],
    [{ role_name: 'security-reviewer', permission: 'write' }, true], // a custom role, judged by its base
    [{ role_name: 'auditor', permission: 'read' }, false],
    [{ role_name: 'triage', permission: 'write' }, false], // role_name wins where it is a built-in role
    [{}, false],
  ])('%j -> %s', async (role, ok) => {
    const scope = allowed(role);
    if (ok) nock(GH).post(`${REPO}/issues/comments/321/reactions`, { content: 'eyes' }).reply(201, {});
    const result = await trigger(contextFor('issue_comment', issueComment({ body: '@mogplex fix the login test' })));
    scope.done();
    expect(result.triggered).toBe(ok);
    if (!ok) {
      expect(warnings()).toHaveLength(1);
      expect(warnings()[0]).toMatch(/maintainer may not start a Mogplex run: role/);
    }
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('refuses when the permission call fails (403), with no comment and no reaction', async () => {
    const scope = nock(GH)
      .get(`${REPO}/collaborators/maintainer/permission`)
      .reply(403, { message: 'Resource not accessible by integration' });
    const result = await trigger(contextFor('issue_comment', issueComment({ body: '@mogplex fix it' })));
    scope.done();
    expect(result).toMatchObject({ triggered: false });
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatch(/could not be checked.*403/);
    expect(nock.isDone()).toBe(true);
  });

  it.each([
    ['dependabot[bot]', 'Bot', '', false],
    ['dependabot[bot]', 'Bot', 'renovate, dependabot', true],
    ['dependabot[bot]', 'Bot', 'Dependabot[bot]', true],
    ['renovate[bot]', 'Bot', '*', true],
    ['Copilot', 'Bot', '', false],
    ['Copilot', 'Bot', 'copilot', true],
    ['helper[bot]', 'User', 'renovate', false],
  ])('bot %s (%s) with allowed-bots "%s" -> %s, never a permission call', async (login, type, list, ok) => {
    if (ok) nock(GH).post(`${REPO}/issues/comments/321/reactions`).reply(201, {});
    const result = await trigger(contextFor('issue_comment', issueComment({ body: '@mogplex bump it', login, type })), {
      'allowed-bots': list,
    });
    expect(result.triggered).toBe(ok);
    expect(nock.pendingMocks()).toEqual([]);
    if (!ok) expect(warnings()[0]).toMatch(/not listed in `allowed-bots`/);
  });
});

describe('commentTrigger: what the run gets', () => {
  it('on an issue: eyes, the composed prompt, the default base, then rocket when it succeeds', async () => {
    const scope = allowed({ role_name: 'write', permission: 'write' })
      .post(`${REPO}/issues/comments/321/reactions`, { content: 'eyes' })
      .reply(201, {})
      .post(`${REPO}/issues/comments/321/reactions`, { content: 'rocket' })
      .reply(201, {})
      .get(`${REPO}/issues/7/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO}/issues/7/comments`)
      .reply(201, { id: 900 });
    const ctx = contextFor('issue_comment', issueComment({ body: '@mogplex add a Safari test' }));
    const result = await trigger(ctx);
    if (!result.triggered) throw new Error(result.reason);
    const applied = result.run.apply({ ...settings, prompt: 'Keep changes small.' }, ctx);
    expect(applied.prompt.startsWith('Keep changes small.\n\nTask from maintainer:\n\nadd a Safari test\n')).toBe(true);
    expect(applied.prompt).toContain('https://github.com/acme/web/issues/7#issuecomment-321');
    expect(applied.baseBranch).toBeUndefined();
    expect(applied.workingBranch).toBeUndefined();
    expect(applied.githubToken).toBe('ghs_token');
    const report = newReport(startedRun(), 'acme/web');
    report.outcome = 'success';
    await result.run.publish(report);
    await result.run.publish(report); // one final reaction, however often it publishes
    scope.done();
  });

  it('on a pull request (issue_comment): reads the branches and aims the run at the head branch', async () => {
    const scope = allowed({ role_name: 'maintain', permission: 'write' })
      .post(`${REPO}/issues/comments/321/reactions`, { content: 'eyes' })
      .reply(201, {})
      .get(`${REPO}/pulls/7`)
      .reply(200, {
        number: 7,
        head: { ref: 'feature/login', sha: 'abc123', repo: { full_name: 'acme/web' } },
        base: { ref: 'develop', repo: { full_name: 'acme/web' } },
      });
    const ctx = contextFor('issue_comment', issueComment({ body: '@mogplex fix the test', onPullRequest: true }));
    const result = await trigger(ctx);
    scope.done();
    if (!result.triggered) throw new Error(result.reason);
    const runContext = result.run.context(ctx);
    expect(runContext).toMatchObject({ pullRequestNumber: 7, fromFork: false });
    // The same defaults as on a pull_request event.
    expect(defaultBranches(runContext)).toEqual({
      workingBranch: 'feature/login',
      baseBranch: 'develop',
      // The head before the run, to tell afterwards whether this run added commits.
      pullRequestHead: { branch: 'feature/login', sha: 'abc123' },
    });
    const applied = result.run.apply(settings, runContext);
    expect(applied.prompt).toContain('https://github.com/acme/web/pull/7#issuecomment-321');
  });

  it('refuses a pull request from a fork with a reply that says why, and a confused reaction', async () => {
    const bodies: string[] = [];
    const scope = allowed({ role_name: 'admin', permission: 'admin' })
      .post(`${REPO}/issues/comments/321/reactions`, { content: 'eyes' })
      .reply(201, {})
      .get(`${REPO}/pulls/7`)
      .reply(200, { head: { ref: 'main', repo: { full_name: 'someone/web' } }, base: { ref: 'main', repo: { full_name: 'acme/web' } } })
      .get(`${REPO}/issues/7/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO}/issues/7/comments`, (b: { body: string }) => bodies.push(b.body) > 0)
      .reply(201, { id: 901 })
      .post(`${REPO}/issues/comments/321/reactions`, { content: 'confused' })
      .reply(201, {});
    const result = await trigger(contextFor('issue_comment', issueComment({ body: '@mogplex fix it', onPullRequest: true })));
    scope.done();
    expect(result).toMatchObject({ triggered: false });
    expect(bodies[0]).toContain('comes from a fork');
    expect(bodies[0]).toContain('Asked by `maintainer` in [this comment](https://github.com/acme/web/pull/7#issuecomment-321).');
  });

  it('answers an empty task with a question, the phrase in code (never a mention)', async () => {
    const bodies: string[] = [];
    allowed({ role_name: 'write', permission: 'write' })
      .post(`${REPO}/issues/comments/321/reactions`)
      .twice()
      .reply(201, {})
      .get(`${REPO}/issues/7/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO}/issues/7/comments`, (b: { body: string }) => bodies.push(b.body) > 0)
      .reply(201, { id: 902 });
    const result = await trigger(contextFor('issue_comment', issueComment({ body: '@mogplex' })));
    expect(result).toMatchObject({ triggered: false });
    expect(bodies[0]).toContain('What should Mogplex do?');
    expect(bodies[0]).toContain('For example: `@mogplex fix the failing test`');
    expect(bodies[0]!.replace(/`[^`]*`/g, '')).not.toMatch(/@mogplex|&#64;/);
  });

  it('a review comment: branches from the event (no pulls call), reactions on the review comment', async () => {
    const payload = {
      action: 'created',
      comment: { id: 55, body: 'Rename this, @mogplex', user: { login: 'maintainer', type: 'User' }, path: 'src/a.ts', line: 12 },
      pull_request: {
        number: 9,
        title: 'Add a',
        body: '',
        user: { login: 'maintainer' },
        head: { ref: 'feat/a', repo: { full_name: 'acme/web' } },
        base: { ref: 'main', repo: { full_name: 'acme/web' } },
      },
    };
    const scope = allowed({ role_name: 'write', permission: 'write' })
      .post(`${REPO}/pulls/comments/55/reactions`, { content: 'eyes' })
      .reply(201, {});
    const ctx = contextFor('pull_request_review_comment', payload);
    const result = await trigger(ctx);
    scope.done();
    if (!result.triggered) throw new Error(result.reason);
    expect(defaultBranches(result.run.context(ctx))).toMatchObject({ workingBranch: 'feat/a', baseBranch: 'main' });
    const applied = result.run.apply(settings, ctx);
    expect(applied.prompt).toContain('It comments on the file src/a.ts, line 12');
    expect(applied.prompt).toContain('https://github.com/acme/web/pull/9#discussion_r55');
  });

  it('a submitted review: no reaction call at all (GitHub has none for reviews)', async () => {
    const payload = {
      action: 'submitted',
      review: { id: 77, body: '@mogplex address these comments', user: { login: 'maintainer', type: 'User' } },
      pull_request: {
        number: 9,
        title: 't',
        user: { login: 'x' },
        head: { ref: 'feat/a', repo: { full_name: 'acme/web' } },
        base: { ref: 'main', repo: { full_name: 'acme/web' } },
      },
    };
    const scope = allowed({ role_name: 'write', permission: 'write' });
    const result = await trigger(contextFor('pull_request_review', payload));
    scope.done();
    expect(result.triggered).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a failed reaction is a warning, and the run still starts', async () => {
    allowed({ role_name: 'write', permission: 'write' }).post(`${REPO}/issues/comments/321/reactions`).reply(500, { message: 'boom' });
    const result = await trigger(contextFor('issue_comment', issueComment({ body: '@mogplex fix it' })));
    expect(result.triggered).toBe(true);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatch(/could not add the eyes reaction/);
  });

  it('a failed start is told in the tracking comment, with a confused reaction', async () => {
    const bodies: string[] = [];
    const scope = allowed({ role_name: 'write', permission: 'write' })
      .post(`${REPO}/issues/comments/321/reactions`, { content: 'eyes' })
      .reply(201, {})
      .get(`${REPO}/issues/7/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO}/issues/7/comments`, (b: { body: string }) => bodies.push(b.body) > 0)
      .reply(201, { id: 903 })
      .post(`${REPO}/issues/comments/321/reactions`, { content: 'confused' })
      .reply(201, {});
    const result = await trigger(contextFor('issue_comment', issueComment({ body: '@mogplex fix it' })));
    if (!result.triggered) throw new Error(result.reason);
    await result.run.fail('Mogplex repo acme/web was not found');
    scope.done();
    expect(bodies[0]).toContain('Mogplex run not started');
    expect(bodies[0]).toContain('Mogplex repo acme/web was not found');
  });

  it('a pull request that cannot be read fails the step, said on the thread', async () => {
    const bodies: string[] = [];
    const scope = allowed({ role_name: 'write', permission: 'write' })
      .post(`${REPO}/issues/comments/321/reactions`, { content: 'eyes' })
      .reply(201, {})
      .get(`${REPO}/pulls/7`)
      .reply(404, { message: 'Not Found' })
      .get(`${REPO}/issues/7/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO}/issues/7/comments`, (b: { body: string }) => bodies.push(b.body) > 0)
      .reply(201, { id: 904 })
      .post(`${REPO}/issues/comments/321/reactions`, { content: 'confused' })
      .reply(201, {});
    const result = await trigger(contextFor('issue_comment', issueComment({ body: '@mogplex fix it', onPullRequest: true })));
    scope.done();
    expect(result).toMatchObject({ triggered: false, error: expect.stringMatching(/Could not read pull request #7.*404/) });
    expect(bodies[0]).toMatch(/Could not read pull request &#35;(&#8288;)?7 to find its branches/);
  });

  it('refuses to aim the run at a head branch Mogplex would refuse, and a prompt that cannot fit', async () => {
    allowed({ role_name: 'write', permission: 'write' })
      .post(`${REPO}/issues/comments/321/reactions`)
      .reply(201, {})
      .get(`${REPO}/pulls/7`)
      .reply(200, { head: { ref: 'fix..it', repo: { full_name: 'acme/web' } }, base: { ref: 'main', repo: { full_name: 'acme/web' } } });
    const ctx = contextFor('issue_comment', issueComment({ body: '@mogplex fix it', onPullRequest: true }));
    const result = await trigger(ctx);
    if (!result.triggered) throw new Error(result.reason);
    expect(() => defaultBranches(result.run.context(ctx))).toThrow(
      /Input `working-branch`: "fix\.\.it" \(the pull request's head branch, the default of `working-branch` on issue_comment\) is not a branch name Mogplex accepts/,
    );
    expect(() => result.run.apply({ ...settings, prompt: 'x'.repeat(100_000) }, ctx)).toThrow(
      /Input `prompt`: together with the comment's task/,
    );
    // The commenter's write access was checked here: the agent may not be aimed at another repository.
    expect(() => result.run.apply({ ...settings, repo: { kind: 'name', fullName: 'acme/infra' } }, ctx)).toThrow(
      /Input `repo`: must be acme\/web \(owner\/name\) in comment mode/,
    );
  });

  it('needs a github-token, and masks it', async () => {
    const secrets: string[] = [];
    const ctx = contextFor('issue_comment', issueComment({ body: '@mogplex fix it' }));
    const empty = await commentTrigger({ context: ctx, getInput: (name) => (name === 'github-token' ? '' : '') });
    expect(empty).toMatchObject({ triggered: false, error: expect.stringMatching(/Input `github-token`: is empty/) });
    allowed({ role_name: 'read', permission: 'read' });
    await commentTrigger({
      context: ctx,
      getInput: (name) => (name === 'github-token' ? 'ghs_secret' : ''),
      onSecret: (s) => secrets.push(s),
      fetch: globalThis.fetch,
    });
    expect(secrets).toEqual(['ghs_secret']);
  });

  it('says so when the event carries no comment', async () => {
    const result = await trigger(contextFor('issue_comment', { action: 'created', issue: { number: 1 } }));
    expect(result).toMatchObject({ triggered: false, reason: expect.stringMatching(/carries no comment/) });
  });
});
