import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkflowContext } from '../../src/event/context.js';
import { branchProblem } from '../../src/inputs/branches.js';
import { InputError } from '../../src/inputs/input-error.js';
import { readSettings, type Settings } from '../../src/inputs/settings.js';

const context: WorkflowContext = {
  eventName: 'push',
  repository: 'acme/web',
  runId: '42',
  runAttempt: '1',
  job: 'build',
  action: '__run',
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com',
  fromFork: false,
};

function read(inputs: Record<string, string>, options: { ctx?: Partial<WorkflowContext>; env?: NodeJS.ProcessEnv } = {}): Settings {
  const all: Record<string, string> = { token: 'mog_test', prompt: 'Fix the tests', ...inputs };
  return readSettings({ getInput: (name) => all[name] ?? '', context: { ...context, ...options.ctx }, env: options.env ?? {} });
}

function problem(inputs: Record<string, string>, options?: Parameters<typeof read>[1]): InputError {
  try {
    read(inputs, options);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('readSettings', () => {
  it('applies the documented defaults', () => {
    const settings = read({});
    expect(settings).toMatchObject({
      apiUrl: 'https://mogplex.com',
      repo: { kind: 'name', fullName: 'acme/web' },
      harness: 'codex',
      createBranch: false,
      wait: true,
      timeoutMs: 30 * 60_000,
      cancelOnTimeout: true,
      requestsPerMinute: 20,
      shareFirstMinute: true,
      logLevel: 'events',
    });
    expect(settings.baseBranch).toBeUndefined();
    expect(settings.idempotencyKey).toBeUndefined();
  });

  it('falls back to MOGPLEX_TOKEN and MOGPLEX_BASE_URL and masks the token at once', () => {
    const masked: string[] = [];
    const settings = readSettings({
      getInput: (name) => (name === 'prompt' ? 'x' : ''),
      context,
      env: { MOGPLEX_TOKEN: 'mog_env', MOGPLEX_BASE_URL: 'http://127.0.0.1:9999/' },
      onSecret: (secret) => masked.push(secret),
    });
    expect(settings.token).toBe('mog_env');
    expect(settings.apiUrl).toBe('http://127.0.0.1:9999');
    expect(masked).toEqual(['mog_env']);
  });

  const sameRepoPr: Partial<WorkflowContext> = {
    eventName: 'pull_request',
    pullRequestHeadRef: 'feature/x',
    pullRequestHeadSha: 'f'.repeat(40),
    pullRequestBaseRef: 'develop',
  };

  it("puts the agent on a pull request's own branch, delivering into the branch it targets", () => {
    const settings = read({ 'github-token': 'ghs_x' }, { ctx: sameRepoPr });
    expect(settings).toMatchObject({ workingBranch: 'feature/x', baseBranch: 'develop', createBranch: false, githubToken: 'ghs_x' });
    expect(settings.pullRequestHead).toEqual({ branch: 'feature/x', sha: 'f'.repeat(40) });
  });

  it('lets explicit branch inputs win on a pull request', () => {
    expect(read({ 'base-branch': 'main' }, { ctx: sameRepoPr })).toMatchObject({ workingBranch: 'feature/x', baseBranch: 'main' });
    const own = read({ 'working-branch': 'agent/fix' }, { ctx: sameRepoPr });
    expect(own).toMatchObject({ workingBranch: 'agent/fix', baseBranch: 'feature/x' });
    expect(own.pullRequestHead).toBeUndefined();
    const created = read({ 'create-branch': 'true' }, { ctx: sameRepoPr });
    expect(created).toMatchObject({ baseBranch: 'feature/x', createBranch: true });
    expect(created.workingBranch).toBeUndefined();
  });

  it('gives no branch defaults on other events', () => {
    const settings = read({});
    expect(settings.workingBranch).toBeUndefined();
    expect(settings.baseBranch).toBeUndefined();
    expect(settings.githubToken).toBe('');
  });

  it("never aims the agent at a fork's branch name in this repository", () => {
    const fork = { ...sameRepoPr, eventName: 'pull_request_target', fromFork: true, pullRequestHeadRef: 'main' };
    const error = problem({}, { ctx: fork });
    expect(error.input).toBe('base-branch');
    expect(error.message).toMatch(/comes from a fork/);
    expect(error.message).toMatch(/github\.base_ref/);
    const explicit = read({ 'base-branch': 'main' }, { ctx: fork });
    expect(explicit).toMatchObject({ baseBranch: 'main' });
    expect(explicit.workingBranch).toBeUndefined();
    expect(explicit.pullRequestHead).toBeUndefined();
  });

  it("gives a pull request's branch defaults only when `repo` is the event's repository", () => {
    expect(read({ repo: 'ACME/Web' }, { ctx: sameRepoPr })).toMatchObject({ workingBranch: 'feature/x', baseBranch: 'develop' });
    for (const repo of ['acme/infra', '8f3a2b1c-1234-4abc-9def-1234567890ab']) {
      const error = problem({ repo }, { ctx: sameRepoPr });
      expect(error.input).toBe('base-branch');
      expect(error.message).toMatch(/someone else's/);
      const explicit = read({ repo, 'base-branch': 'main' }, { ctx: sameRepoPr });
      expect(explicit).toMatchObject({ baseBranch: 'main' });
      expect(explicit.workingBranch).toBeUndefined();
      expect(explicit.pullRequestHead).toBeUndefined();
    }
  });

  it('takes `run-id` instead of a prompt, and refuses inputs that only start a run beside it', () => {
    expect(read({ prompt: '', 'run-id': 'run-42' })).toMatchObject({ attachRunId: 'run-42', prompt: '' });
    // On a pull request too: the run has its branches already.
    expect(read({ prompt: '', 'run-id': 'run-42' }, { ctx: sameRepoPr })).not.toHaveProperty('workingBranch');
    expect(problem({ 'run-id': 'run-42' }).input).toBe('prompt');
    expect(problem({ prompt: '', 'run-id': 'run-42', harness: 'claude-code' }).input).toBe('harness');
    expect(problem({ prompt: '', 'run-id': 'run-42', 'create-branch': 'true' }).input).toBe('create-branch');
    expect(problem({ prompt: '', 'run-id': 'run-42', wait: 'false' }).input).toBe('wait');
    expect(problem({ prompt: '', 'run-id': '../x' }).input).toBe('run-id');
  });

  it("names the input when the pull request's head branch is one Mogplex refuses", () => {
    const error = problem({}, { ctx: { ...sameRepoPr, pullRequestHeadRef: 'feat/ümlaut' } });
    expect(error.input).toBe('working-branch');
    expect(error.message).toMatch(/head branch/);
  });

  it('checks mode like the server (any case), for codex and claude-code alike; takes the mogplex harness without one', () => {
    const get = (inputs: Record<string, string>) =>
      readSettings({ getInput: (n) => ({ token: 'mog_t', prompt: 'p', ...inputs })[n] ?? '', context, env: {} });
    expect(get({ mode: 'SAFE', harness: 'claude-code' }).mode).toBe('safe');
    expect(get({ mode: 'Yolo' }).mode).toBe('yolo');
    expect(get({ harness: 'mogplex' })).toMatchObject({ harness: 'mogplex' });
    expect(() => get({ harness: 'mogplex', mode: 'auto' })).toThrow(/`harness: mogplex`/);
    expect(() => get({ harness: 'mogplex', 'base-branch': 'main', 'working-branch': 'main' })).toThrow(/working branch of its own/);
  });

  it('takes a repo id as is and normalizes its case', () => {
    expect(read({ repo: '8F3A2B1C-1234-4ABC-9DEF-1234567890AB' }).repo).toEqual({ kind: 'id', id: '8f3a2b1c-1234-4abc-9def-1234567890ab' });
  });

  it('takes requests-per-minute as a fixed cap, and shares the first minute only without one', () => {
    expect(read({ 'requests-per-minute': '6' })).toMatchObject({ requestsPerMinute: 6, shareFirstMinute: false });
    expect(read({ 'requests-per-minute': '60' })).toMatchObject({ requestsPerMinute: 60, shareFirstMinute: false });
    expect(read({})).toMatchObject({ requestsPerMinute: 20, shareFirstMinute: true });
  });

  it('takes an origin or the API base as api-url', () => {
    expect(read({ 'api-url': 'https://mogplex.example/api/v1/mogplex/' }).apiUrl).toBe('https://mogplex.example');
    expect(read({ 'api-url': 'https://mogplex.com' }).apiUrl).toBe('https://mogplex.com');
    expect(read({}, { env: { MOGPLEX_BASE_URL: 'https://mogplex.com/api/v1/mogplex' } }).apiUrl).toBe('https://mogplex.com');
    expect(read({ 'api-url': 'http://127.0.0.2:8787' }).apiUrl).toBe('http://127.0.0.2:8787');
    expect(read({ 'api-url': 'http://[::1]:8787' }).apiUrl).toBe('http://[::1]:8787');
    // Not loopback for the HTTP client, which would send it through http_proxy in clear text.
    expect(() => read({ 'api-url': 'http://www.localhost:8787' })).toThrow(/must use https/);
  });

  it('reads the prompt from a file relative to the workspace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inputs-'));
    writeFileSync(join(dir, 'task.md'), 'Do the thing\n');
    expect(read({ prompt: '', 'prompt-file': 'task.md' }, { env: { GITHUB_WORKSPACE: dir } }).prompt).toBe('Do the thing\n');
  });

  it.each([
    [{ token: '' }, 'token', /is required/],
    [{ token: 'mog_a b' }, 'token', /white space/],
    [{ 'api-url': 'not a url' }, 'api-url', /not a valid URL/],
    [{ 'api-url': 'http://mogplex.example' }, 'api-url', /https/],
    [{ 'api-url': 'ftp://127.0.0.1' }, 'api-url', /https/],
    [{ 'api-url': 'https://user:pw@mogplex.example' }, 'api-url', /credentials/],
    [{ repo: 'not a repo' }, 'repo', /UUID/],
    [{ prompt: '' }, 'prompt', /is required/],
    [{ prompt: '   \n' }, 'prompt', /is required/],
    [{ prompt: 'x'.repeat(100_001) }, 'prompt', /at most 100000/],
    [{ 'prompt-file': 'a.md' }, 'prompt', /not both/],
    [{ harness: 'gpt' }, 'harness', /`codex`, `claude-code`, `mogplex`/],
    [{ 'base-branch': 'feature..x' }, 'base-branch', /`\.\.`/],
    [{ 'working-branch': 'has space' }, 'working-branch', /spaces/],
    [{ 'working-branch': 'a.lock' }, 'working-branch', /\.lock/],
    [{ 'create-branch': 'yes' }, 'create-branch', /`true` or `false`/],
    [{ wait: '1' }, 'wait', /`true` or `false`/],
    [{ 'cancel-on-timeout': 'no' }, 'cancel-on-timeout', /`true` or `false`/],
    [{ 'timeout-minutes': '-5' }, 'timeout-minutes', /positive number/],
    [{ 'timeout-minutes': 'ten' }, 'timeout-minutes', /positive number/],
    [{ 'timeout-minutes': '0' }, 'timeout-minutes', /positive number/],
    [{ 'requests-per-minute': '61' }, 'requests-per-minute', /at most 60/],
    [{ 'requests-per-minute': '2.5' }, 'requests-per-minute', /whole number/],
    [{ 'root-directory': '../x' }, 'root-directory', /without `\.\.`/],
    [{ 'root-directory': '/abs' }, 'root-directory', /relative/],
    [{ 'root-directory': 'a/%2e%2e/b' }, 'root-directory', /%2e/],
    [{ 'root-directory': '%2E' }, 'root-directory', /%2e/],
    [{ 'base-branch': 'HEAD' }, 'base-branch', /reserved/],
    [{ 'working-branch': '@' }, 'working-branch', /reserved/],
    [{ 'working-branch': 'fix+1' }, 'working-branch', /ASCII letters/],
    [{ 'working-branch': '--mirror' }, 'working-branch', /start with `-`/],
    [{ 'base-branch': '-fdx' }, 'base-branch', /start with `-`/],
    [{ 'working-branch': 'a/.hidden' }, 'working-branch', /starts with `\.`/],
    [{ 'working-branch': 'a.lock/b' }, 'working-branch', /ends with `\.lock`/],
    [{ 'working-branch': 'fix#1' }, 'working-branch', /ASCII letters/],
    [{ 'base-branch': 'café' }, 'base-branch', /ASCII letters/],
    [{ mode: 'fast' }, 'mode', /`auto`.*`safe`.*`yolo`/],
    [{ token: 'mog_\u200babc' }, 'token', /invisible/],
    [{ 'idempotency-key': 'a\nb' }, 'idempotency-key', /printable ASCII/],
    [{ 'idempotency-key': 'ключ' }, 'idempotency-key', /printable ASCII/],
    [{ 'require-changes': 'maybe' }, 'require-changes', /`true` or `false`/],
    [{ 'idempotency-key': 'k'.repeat(201) }, 'idempotency-key', /at most 200/],
    [{ 'log-level': 'loud' }, 'log-level', /`events`, `quiet`, `debug`/],
    [{ 'max-tool-calls': '0' }, 'max-tool-calls', /positive whole number/],
    [{ 'max-tool-calls': 'ten' }, 'max-tool-calls', /positive whole number/],
    [{ 'create-branch': 'true', 'base-branch': 'main', 'working-branch': 'main' }, 'working-branch', /equals `base-branch`/],
  ])('rejects %j, naming `%s`', (inputs, name, message) => {
    const error = problem(inputs);
    expect(error.input).toBe(name);
    expect(error.message).toContain(`Input \`${name}\``);
    expect(error.message).toMatch(message);
  });

  it('says when the prompt file is missing or a directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inputs-'));
    mkdirSync(join(dir, 'prompts'));
    expect(problem({ prompt: '', 'prompt-file': 'nope.md' }, { env: { GITHUB_WORKSPACE: dir } }).message).toMatch(/no file at "nope.md"/);
    expect(problem({ prompt: '', 'prompt-file': 'prompts' }, { env: { GITHUB_WORKSPACE: dir } }).message).toMatch(/not a regular file/);
  });

  describe('prompt-file stays in the workspace', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'workspace-'));
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'INPUT_TOKEN=mog_leak');
    symlinkSync(join(outside, 'secret.txt'), join(workspace, 'link.md'));
    symlinkSync('/proc/self/environ', join(workspace, 'environ.md'));
    writeFileSync(join(workspace, 'huge.md'), Buffer.alloc(400_001, 'a'));
    writeFileSync(join(workspace, 'ok.md'), 'Do it');
    execFileSync('mkfifo', [join(workspace, 'pipe.md')]);
    const env = { GITHUB_WORKSPACE: workspace };

    it.each([
      ['/proc/self/environ', /outside the workspace/],
      [join(outside, 'secret.txt'), /outside the workspace/],
      ['../' + outside.split('/').at(-1) + '/secret.txt', /outside the workspace/],
      ['link.md', /outside the workspace .*\(links are followed\)/],
      ['environ.md', /outside the workspace/],
      ['huge.md', /larger than 400000 bytes/],
      ['pipe.md', /not a regular file/],
      ['.', /outside the workspace/],
    ])('refuses %s before any request', (file, message) => {
      const error = problem({ prompt: '', 'prompt-file': file }, { env });
      expect(error.input).toBe('prompt-file');
      expect(error.message).toMatch(message);
    });

    it('reads a file inside, also by an absolute path', () => {
      expect(read({ prompt: '', 'prompt-file': join(workspace, 'ok.md') }, { env }).prompt).toBe('Do it');
    });
  });

  it('explains a missing token on a fork pull request', () => {
    const error = problem({ token: '' }, { ctx: { eventName: 'pull_request', fromFork: true } });
    expect(error.message).toMatch(/comes from a fork/);
    expect(error.message).toMatch(/pull_request_target/);
  });
});

describe('branchProblem', () => {
  it.each(['main', 'feature/x', 'release-1.2', 'mogplex/external/abc-def', 'under_score', 'v1.0'])('accepts %s', (name) => {
    expect(branchProblem(name)).toBeUndefined();
  });
  it.each([
    'a..b',
    'a//b',
    'a@{b',
    'a~b',
    'a^b',
    'a:b',
    'a?b',
    'a*b',
    'a[b',
    'a\\b',
    '/a',
    'a/',
    'a.',
    'a.lock',
    'a b',
    'a\tb',
    'HEAD',
    '@',
    'a+b',
    'a#b',
    'é',
  ])('rejects %j', (name) => {
    expect(branchProblem(name)).toBeDefined();
  });
});

describe('comment-on-pr', () => {
  it('reads and masks the GitHub token only when a comment is asked for', () => {
    const masked: string[] = [];
    const read = (inputs: Record<string, string>) =>
      readSettings({
        getInput: (n) => ({ token: 'mog_t', prompt: 'p', 'github-token': 'ghs_x', ...inputs })[n] ?? '',
        context,
        env: {},
        onSecret: (s) => masked.push(s),
      });
    expect(read({}).githubToken).toBe('');
    expect(masked).toEqual(['mog_t']);
    expect(read({ 'comment-on-pr': 'true' }).githubToken).toBe('ghs_x');
    expect(masked).toEqual(['mog_t', 'mog_t', 'ghs_x']);
    expect(() => read({ 'comment-on-pr': 'true', 'github-token': '' })).toThrow(/Input `github-token`: is empty/);
  });
});
