// The entry point in-process, with the real @actions/core writing to temp
// files and nock standing in for Mogplex. The end-to-end tests cover the same
// paths through the built bundle; these keep src/main.ts and src/post.ts measured.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/main.js';
import { post } from '../../src/post.js';

const API = 'https://mogplex.test';
const BASE = '/api/v1/mogplex';
const REPO_ID = '8f3a2b1c-1234-4abc-9def-1234567890ab';
const detail = (status: string, extra: Record<string, unknown> = {}) => ({
  runId: 'run-1',
  status,
  harness: 'codex',
  repoId: REPO_ID,
  branch: { base: 'main', working: 'mogplex/x', createBranch: true },
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
  error: null,
  ...extra,
});
const event = (n: number) => ({
  id: `e${n}`,
  type: 'log',
  toolName: null,
  message: `step ${n}`,
  payload: { n },
  createdAt: new Date().toISOString(),
});

let dir: string;
let stdout: string[];
// core.summary remembers the first GITHUB_STEP_SUMMARY it sees: one file for all tests, emptied before each.
const summaryFile = join(mkdtempSync(join(tmpdir(), 'summary-')), 'summary');
const saved = { ...process.env };

function file(name: string): string {
  return readFileSync(name === 'summary' ? summaryFile : join(dir, name), 'utf8');
}

/** Values written with the runner's `name<<delimiter` file-command format. */
function records(name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of file(name).matchAll(/^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]!] = m[3]!;
  return out;
}

beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'main-'));
  for (const name of ['output', 'state']) writeFileSync(join(dir, name), '');
  writeFileSync(summaryFile, '');
  Object.assign(process.env, {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_REPOSITORY: 'acme/web',
    GITHUB_RUN_ID: '77',
    GITHUB_JOB: 'agent',
    GITHUB_ACTION: '__run',
    INPUT_TOKEN: 'mog_unit_token',
    'INPUT_API-URL': API,
    INPUT_REPO: REPO_ID,
    INPUT_PROMPT: 'Fix it',
    'INPUT_REQUESTS-PER-MINUTE': '60',
    'INPUT_CREATE-BRANCH': 'true',
  });
  stdout = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
  process.exitCode = undefined;
  // The repo id's look-up, and an older server (no events stream: Next.js's HTML 404), so these tests follow by polling.
  nock(API)
    .persist()
    .get(`${BASE}/repos`)
    .query({ id: REPO_ID })
    .reply(200, { ok: true, data: { repos: [{ id: REPO_ID, full_name: 'acme/web', installation_id: 1, default_branch: 'main' }] } })
    .get(`${BASE}/runs/run-1/events/stream`)
    .query(true)
    .reply(404, '<!DOCTYPE html><h1>404</h1>', { 'content-type': 'text/html' });
});
afterEach(() => {
  vi.restoreAllMocks();
  nock.cleanAll();
  process.env = { ...saved };
  process.exitCode = undefined;
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
});

describe('main', () => {
  it('starts, follows and reports a successful run', async () => {
    nock(API)
      .post(`${BASE}/runs`, (body: Record<string, unknown>) => body.repoId === REPO_ID && body.createBranch === true)
      .matchHeader('idempotency-key', /^gha-77-[0-9a-f]{48}$/)
      .reply(202, { ok: true, data: { ...detail('pending'), replayed: false } })
      .get(`${BASE}/runs/run-1/events?limit=200`)
      .reply(200, { ok: true, data: { run: detail('streaming'), events: [event(1)] } })
      .get(`${BASE}/runs/run-1/events?limit=200`)
      .reply(200, { ok: true, data: { run: detail('success'), events: [event(1), event(2)] } });
    await main();
    expect(process.exitCode).toBeUndefined();
    expect(records('output')).toMatchObject({ 'run-id': 'run-1', status: 'success', 'working-branch': 'mogplex/x', replayed: 'false' });
    expect(records('state')).toMatchObject({ runId: 'run-1', done: 'true' });
    expect(file('summary')).toContain('✅ Mogplex run succeeded');
    const log = stdout.join('');
    expect(log.match(/::group::/g)).toHaveLength(2);
    expect(log).toContain('::add-mask::mog_unit_token');
  });

  it('fails with the run error and still writes summary and outputs', async () => {
    nock(API)
      .post(`${BASE}/runs`)
      .reply(202, { ok: true, data: { ...detail('pending'), replayed: true } })
      .get(`${BASE}/runs/run-1/events?limit=200`)
      .reply(200, { ok: true, data: { run: detail('failed', { error: { message: 'tests failing' } }), events: [] } });
    await main();
    expect(process.exitCode).toBe(1);
    expect(records('output')).toMatchObject({ status: 'failed', replayed: 'true', error: 'Mogplex run run-1 failed: tests failing' });
    expect(file('summary')).toContain('❌ Mogplex run failed');
    expect(stdout.join('')).toContain('::error::Mogplex run run-1 failed: tests failing');
  });

  it('with wait: false reports the started run without polling', async () => {
    process.env.INPUT_WAIT = 'false';
    nock(API)
      .post(`${BASE}/runs`)
      .reply(202, { ok: true, data: { ...detail('pending'), replayed: false } });
    await main();
    expect(process.exitCode).toBeUndefined();
    expect(records('output')).toMatchObject({ status: 'pending' });
    expect(file('summary')).toContain('not followed');
    expect(nock.pendingMocks().filter((mock) => !/repos|stream/.test(mock))).toEqual([]);
  });

  it('at the timeout cancels the run and fails naming timeout-minutes', async () => {
    process.env['INPUT_TIMEOUT-MINUTES'] = '0.02';
    nock(API)
      .post(`${BASE}/runs`)
      .reply(202, { ok: true, data: { ...detail('pending'), replayed: false } })
      .get(`${BASE}/runs/run-1/events?limit=200`)
      .times(5)
      .reply(200, { ok: true, data: { run: detail('streaming'), events: [] } })
      .post(`${BASE}/runs/run-1/cancel`)
      .reply(200, { ok: true, data: { run: detail('streaming'), status: 'streaming', alreadyTerminal: false } });
    await main();
    expect(process.exitCode).toBe(1);
    expect(records('output').error).toMatch(/Timed out after 0.02 minutes \(timeout-minutes\)/);
    expect(records('state').done).toBe('true');
    expect(file('summary')).toContain('timed out');
  });

  it('reports an API error that ends following, with the summary', async () => {
    nock(API)
      .post(`${BASE}/runs`)
      .reply(202, { ok: true, data: { ...detail('pending'), replayed: false } })
      .get(`${BASE}/runs/run-1/events?limit=200`)
      .reply(401, { ok: false, error: { code: 'UNAUTHORIZED', message: 'revoked' } });
    await main();
    expect(process.exitCode).toBe(1);
    expect(records('output').error).toMatch(/Lost track of Mogplex run run-1: .*HTTP 401 UNAUTHORIZED/);
    expect(file('summary')).toContain('could not follow it');
  });

  it('reports a failed start without a summary', async () => {
    nock(API)
      .post(`${BASE}/runs`)
      .reply(409, { ok: false, error: { code: 'IDEMPOTENCY_CONFLICT', message: 'key reused' } });
    await main();
    expect(process.exitCode).toBe(1);
    expect(stdout.join('')).toMatch(/::error::Mogplex start run failed with HTTP 409 IDEMPOTENCY_CONFLICT.*idempotency-key/);
    expect(file('summary')).toBe('');
  });

  it('stops at a bad input before any request', async () => {
    process.env.INPUT_HARNESS = 'nope';
    await main();
    expect(process.exitCode).toBe(1);
    expect(stdout.join('')).toContain('::error::Input `harness`');
  });
});

describe('post', () => {
  it('cancels a run the main step did not see to an end', async () => {
    Object.assign(process.env, { STATE_runId: 'run-1', STATE_apiUrl: API });
    const scope = nock(API)
      .post(`${BASE}/runs/run-1/cancel`)
      .reply(200, { ok: true, data: { run: detail('streaming'), status: 'cancellation_requested' } });
    await post();
    scope.done();
    expect(stdout.join('')).toContain('cancellation was requested');
  });

  it('replays a start the main step may have made, from the body saved under RUNNER_TEMP, and cancels its run', async () => {
    const body = JSON.stringify({ repoId: REPO_ID, prompt: 'Fix it' });
    const file = join(dir, 'start.json');
    writeFileSync(file, body);
    const sha = createHash('sha256').update(body).digest('hex');
    Object.assign(process.env, { STATE_apiUrl: API, STATE_startKey: 'k1', STATE_startBodyFile: file, STATE_startBodySha256: sha });
    const scope = nock(API)
      .post(`${BASE}/runs`, body)
      .matchHeader('idempotency-key', 'k1')
      .reply(202, { ok: true, data: { ...detail('streaming'), replayed: true } })
      .post(`${BASE}/runs/run-1/cancel`)
      .reply(200, { ok: true, data: { run: detail('streaming'), status: 'streaming', alreadyTerminal: false } });
    await post();
    scope.done();
    expect(stdout.join('')).toContain('was found and its cancellation requested');
  });

  it('warns when the saved start request cannot be read back (the file is not the body that was sent)', async () => {
    const file = join(dir, 'start.json');
    writeFileSync(file, 'changed');
    Object.assign(process.env, {
      STATE_apiUrl: API,
      STATE_startKey: 'k1',
      STATE_startBodyFile: file,
      STATE_startBodySha256: 'f'.repeat(64),
    });
    await post();
    expect(stdout.join('')).toMatch(
      /::warning::The main step stopped while starting a Mogplex run, and the saved start request could not be read back/,
    );
  });

  it('cancels an automation job through its own route (an ended one answers 409: no error)', async () => {
    Object.assign(process.env, { STATE_runId: 'job-1', STATE_apiUrl: API, STATE_automationId: 'auto-1' });
    const scope = nock(API)
      .post(`${BASE}/automations/auto-1/runs/job-1/cancel`)
      .reply(409, { ok: false, error: { code: 'CONFLICT', message: 'Automation run is not cancelable (status: success)' } });
    await post();
    scope.done();
    expect(stdout.join('')).toContain('Automation job job-1 had already ended.');
  });

  it('does nothing when the main step is done', async () => {
    Object.assign(process.env, { STATE_runId: 'run-1', STATE_apiUrl: API, STATE_done: 'true' });
    await post();
    expect(stdout.join('')).toBe('');
  });

  it('warns, without failing, when the cancel fails', async () => {
    Object.assign(process.env, { STATE_runId: 'run-1', STATE_apiUrl: API });
    nock(API)
      .post(`${BASE}/runs/run-1/cancel`)
      .reply(403, { ok: false, error: { code: 'FORBIDDEN', message: 'read-only token' } });
    await post();
    expect(process.exitCode).toBeUndefined();
    expect(stdout.join('')).toMatch(/::warning::Could not cancel Mogplex run run-1.*write/);
  });

  it('comment mode: a comment without the phrase sends nothing, sets triggered=false and passes', async () => {
    const eventPath = join(dir, 'event.json');
    writeFileSync(
      eventPath,
      JSON.stringify({ action: 'created', issue: { number: 3 }, comment: { id: 9, body: 'Looks good', user: { login: 'maintainer' } } }),
    );
    Object.assign(process.env, { GITHUB_EVENT_NAME: 'issue_comment', GITHUB_EVENT_PATH: eventPath, INPUT_PROMPT: '' });
    await main();
    expect(process.exitCode).toBeUndefined();
    expect(records('output')).toEqual({ triggered: 'false' });
    expect(stdout.join('')).toContain('comment trigger: no @mogplex in this comment');
  });

  it('outputs triggered=true for a run started from inputs', async () => {
    nock(API)
      .post(`${BASE}/runs`)
      .reply(202, { ok: true, data: { ...detail('success'), replayed: false } })
      .get(`${BASE}/runs/run-1/events?limit=200`)
      .reply(200, { ok: true, data: { run: detail('success'), events: [] } });
    await main();
    expect(records('output')).toMatchObject({ 'run-id': 'run-1', triggered: 'true' });
  });
});
