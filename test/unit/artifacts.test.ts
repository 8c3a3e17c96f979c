import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RequestBudget } from '../../src/api/budget.js';
import { MogplexClient } from '../../src/api/client.js';
import { outputsOf } from '../../src/report/outputs.js';
import { endPause, newReport, recordEvent, startPause, waitedMs } from '../../src/report/report.js';
import { renderSummary } from '../../src/report/summary.js';
import { compileArtifactSchema, readArtifacts } from '../../src/run/artifacts.js';
import { attach } from '../../src/run/attach.js';
import { runEvent, startedRun } from './fixtures.js';

const API = 'https://mogplex.test';
const BASE = '/api/v1/mogplex';
const client = () =>
  new MogplexClient({
    apiUrl: API,
    token: 'mog_t',
    budget: new RequestBudget(60),
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2, maxElapsedMs: 1_000 },
  });
const artifactAnswer = (content: unknown) => ({
  ok: true,
  data: {
    artifact: {
      runId: 'r1',
      repoId: 'x',
      path: '.mogplex/artifacts/t.json',
      branch: 'b',
      commitSha: 'a'.repeat(40),
      content,
      pinned: true,
    },
  },
});
const route = (name: string) =>
  nock(API)
    .get(`${BASE}/runs/r1/artifact`)
    .query({ path: `.mogplex/artifacts/${name}.json` });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('readArtifacts', () => {
  const schema = { type: 'object', required: ['risk'], properties: { risk: { type: 'integer', maximum: 5 } } };

  it('reads each name, writes the file, and checks the schema naming each path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'artifacts-'));
    route('t').reply(200, artifactAnswer({ risk: 3 }));
    const ok = await readArtifacts(client(), 'r1', ['t'], schema, dir);
    expect(ok).toEqual({ read: { value: { risk: 3 }, file: join(dir, 'mogplex-artifact-r1.json') } });
    expect(JSON.parse(readFileSync(ok.read!.file, 'utf8'))).toEqual({ risk: 3 });
    route('a').reply(200, artifactAnswer({ risk: 9 }));
    route('b').reply(200, artifactAnswer('x'));
    const bad = await readArtifacts(client(), 'r1', ['a', 'b'], schema, dir);
    expect(bad.read?.value).toEqual({ a: { risk: 9 }, b: 'x' });
    expect(bad.failure).toBe('The artifact does not match `artifact-schema`: a/risk must be <= 5; b must be object.');
  });

  it.each([
    [404, '<html>404</html>', /no artifact route/],
    [
      404,
      { ok: false, error: { code: 'NOT_FOUND', message: 'Committed artifact not found' } },
      /did not write `\.mogplex\/artifacts\/t\.json`/,
    ],
    [
      409,
      { ok: false, error: { code: 'CONFLICT', message: 'Artifacts require a successful run on its own branch' } },
      /`create-branch` empty or `true`/,
    ],
    [400, { ok: false, error: { code: 'BAD_REQUEST', message: 'Artifact exceeds 1 MiB' } }, /could not be read: Artifact exceeds 1 MiB/],
    [
      502,
      { ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'Could not read the committed artifact' } },
      /HTTP 502\), also after retries/,
    ],
  ])('a %i answer gets its own message', async (status, body, message) => {
    route('t')
      .times(2)
      .reply(status, body as nock.Body);
    expect((await readArtifacts(client(), 'r1', ['t'], undefined, tmpdir())).failure).toMatch(message);
  });

  it('refuses a schema ajv cannot use as an input error', async () => {
    await expect(compileArtifactSchema({ type: 12 })).rejects.toThrow(/^Input `artifact-schema`: is not a JSON Schema ajv can use/);
  });
});

describe('the artifact in the outputs and the summary', () => {
  it('is JSON text in the output (empty past the bound, with a warning) and a table in the summary', () => {
    const report = newReport(startedRun(), 'acme/web');
    report.artifact = { value: { area: 'web', notes: 'x'.repeat(200) }, file: '/tmp/a.json' };
    const outputs = outputsOf(report);
    expect(outputs.values).toMatchObject({ artifact: JSON.stringify(report.artifact.value), 'artifact-file': '/tmp/a.json' });
    const html = renderSummary(report);
    expect(html).toContain('<tr><td><code>area</code></td><td><code>&#34;web&#34;</code></td></tr>');
    expect(html).toContain('<details><summary>202 characters</summary>');
    report.artifact = { value: 'y'.repeat(300_000), file: '/tmp/a.json' };
    const large = outputsOf(report);
    expect(large.values.artifact).toBe('');
    expect(large.warnings).toContainEqual(expect.stringMatching(/larger than 262144 bytes/));
  });
});

describe('pauses', () => {
  it('counts a pause from the server’s time of it to the first sign of the run going on', () => {
    const report = newReport(startedRun(), 'acme/web');
    report.run = { ...report.run, status: 'awaiting_input', updatedAt: '2026-11-22T10:00:10.000Z' };
    startPause(report, Date.parse('2026-11-22T10:00:14.000Z'));
    startPause(report, Date.parse('2026-11-22T10:00:20.000Z'));
    expect(report.pauses).toHaveLength(1);
    expect(waitedMs(report, Date.parse('2026-11-22T10:00:30.000Z'))).toBe(20_000);
    report.run = { ...report.run, status: 'streaming', updatedAt: '2026-11-22T10:01:00.000Z' };
    endPause(report, Date.parse('2026-11-22T10:01:05.000Z'));
    // An event of the next pass, made earlier, shows when it really went on.
    recordEvent(report, runEvent({ id: 'n', createdAt: '2026-11-22T10:00:40.000Z' }));
    expect(waitedMs(report)).toBe(30_000);
  });
});

describe('attach', () => {
  const cancel = { signal: new AbortController().signal, hurry: new AbortController().signal };
  const run = {
    runId: 'r1',
    status: 'streaming',
    harness: 'codex',
    repoId: 'REPO-1',
    branch: { base: 'main', working: 'x', createBranch: true },
  };

  it('takes up a run by id, with its repository’s name', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    nock(API).get(`${BASE}/runs/r1`).reply(200, { ok: true, data: { run } });
    nock(API)
      .get(`${BASE}/repos`)
      .query({ id: 'repo-1' })
      .reply(200, { ok: true, data: { repos: [{ id: 'repo-1', full_name: 'acme/web', installation_id: 1, default_branch: 'main' }] } });
    const { report, key } = await attach('r1', client(), cancel);
    vi.restoreAllMocks();
    expect(report).toMatchObject({ attached: true, repo: 'acme/web', replayed: false, run: { runId: 'r1' } });
    expect(key).toBe('attach-r1');
  });

  it('an unknown or foreign id is an error naming the input', async () => {
    nock(API)
      .get(`${BASE}/runs/nope`)
      .reply(404, { ok: false, error: { code: 'NOT_FOUND', message: 'Run not found' } });
    await expect(attach('nope', client(), cancel)).rejects.toThrow(/^Input `run-id`: no Mogplex run nope is visible to this token/);
  });
});
