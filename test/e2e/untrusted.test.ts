// Untrusted input, second round (issue 12's points 1-4, 8, 12): hostile pull
// requests, answers and files against the built action, judged by what a
// runner would see.
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withEvents } from '../../simulator/faults.js';
import { SIM_TOKEN } from '../../simulator/server.js';
import { runPost } from '../support/run-action.js';
import { github, routes, run, signalOnStart, simulator } from './helpers.js';

const EVENTS = /\/events$/;

function errors(result: Awaited<ReturnType<typeof run>>): string[] {
  return result.commands.filter((c) => c.command === 'error').map((c) => c.data);
}

describe('fork pull requests', () => {
  it("are refused before any request when no base-branch is given: the fork's branch is not in this repository", async () => {
    const sim = await simulator();
    const result = await run(sim, {
      eventName: 'pull_request_target',
      event: {
        pull_request: {
          number: 9,
          head: { ref: 'main', sha: 'a'.repeat(40), repo: { full_name: 'mallory/web' } },
          base: { ref: 'main', repo: { full_name: 'acme/web' } },
        },
      },
    });
    expect(result.code).toBe(1);
    expect(sim.requests).toEqual([]);
    expect(errors(result)).toEqual([expect.stringMatching(/^Input `base-branch`: is needed: this pull request comes from a fork/)]);
  });
});

describe('outputs are data', () => {
  it('an unknown status becomes `unknown`, a raw-text branch is left out, with warnings; no output holds a newline', async () => {
    const sim = await simulator({ server: 'august', speed: 0.3 });
    const hostile = 'done"; echo INJECTED-$((6*7)); echo "';
    sim.addFault({
      match: { method: 'GET', path: EVENTS, times: 1000 },
      action: {
        rewrite: (body) =>
          body
            .replace(/"status":"success"/, `"status":${JSON.stringify(hostile)}`)
            .replace(/"base":"main"/, `"base":${JSON.stringify('main\nevil=1')}`),
      },
    });
    const result = await run(sim, { inputs: { 'timeout-minutes': '0.15', 'cancel-on-timeout': 'false' } });
    expect(result.outputs.status).toBe('unknown');
    expect(result.outputs['base-branch']).toBe('');
    const warnings = result.commands.filter((c) => c.command === 'warning').map((c) => c.data);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/unknown run status \("done\\"; echo INJECTED/),
        expect.stringMatching(/base-branch that is not/),
      ]),
    );
    expect(readFileSync(result.files.output, 'utf8')).not.toContain('INJECTED-42');
    for (const value of Object.values(result.outputs)) expect(value).not.toMatch(/\n/);
  });
});

describe('prompt-file', () => {
  it.each([
    ['/proc/self/environ', /outside the workspace/],
    ['link.md', /outside the workspace/],
    ['big.md', /larger than/],
  ])('%s is refused before any request', async (file, message) => {
    const sim = await simulator();
    const workspace = mkdtempSync(join(tmpdir(), 'workspace-'));
    symlinkSync('/proc/self/environ', join(workspace, 'link.md'));
    writeFileSync(join(workspace, 'big.md'), Buffer.alloc(400_001, 'a'));
    const result = await run(sim, { inputs: { prompt: '', 'prompt-file': file }, workspace });
    expect(result.code).toBe(1);
    expect(sim.requests).toEqual([]);
    expect(errors(result)).toEqual([expect.stringMatching(message)]);
  });
});

describe('secrets never leave through the report', () => {
  it('a token echoed by Mogplex (with `_`) is cut from the summary, the comment, the error output and the events file', async () => {
    const standin = await github();
    const sim = await simulator({ speed: 0.3, scenario: 'failed' });
    const echo = withEvents({ id: 'echo', message: `I saw Bearer ${SIM_TOKEN} and ghs_standin`, payloadJson: `{"auth":"${SIM_TOKEN}"}` });
    sim.addFault({
      match: { method: 'GET', path: EVENTS, times: 1000 },
      action: { rewrite: (body) => echo(body).replace(/"error":"[^"]*"/g, `"error":"no run visible to Bearer ${SIM_TOKEN}"`) },
    });
    const result = await run(sim, {
      inputs: { prompt: `Use ${SIM_TOKEN} to log in`, 'comment-on-pr': 'true', 'github-token': 'ghs_standin' },
      eventName: 'pull_request',
      event: {
        pull_request: {
          number: 7,
          head: { ref: 'feature/login', repo: { full_name: 'acme/web' } },
          base: { ref: 'main', repo: { full_name: 'acme/web' } },
        },
      },
      env: { GITHUB_API_URL: standin.url },
    });
    expect(result.code).toBe(1);
    const comment = standin.comments[0]?.body ?? '';
    const eventsFile = readFileSync(result.outputs['events-file']!, 'utf8');
    expect(eventsFile).toContain('I saw Bearer *** and ***');
    expect(result.outputs.error).toContain('no run visible to Bearer ***');
    for (const [where, text] of Object.entries({ summary: result.summary, comment, error: result.outputs.error!, eventsFile })) {
      const decodedText = text.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
      expect([where, decodedText.includes(SIM_TOKEN) || decodedText.includes('ghs_standin')]).toEqual([where, false]);
    }
    // In the log the token appears only in the mask command.
    expect(result.stdout.split(SIM_TOKEN).length - 1).toBe(1);
  });
});

describe('cancel what may have started', () => {
  it('a job cancelled while POST /runs is in flight: the same request is replayed and that run cancelled', async () => {
    const sim = await simulator({ scenario: 'endless' });
    // The server takes 6 s to create the run and its answer never comes back.
    sim.addFault({ match: { method: 'POST', path: '/runs' }, action: { delayMs: 6_000, destroy: 'after' } });
    const result = await run(sim, {
      onSpawn: signalOnStart(sim, 'SIGINT'),
    });
    expect(result.code).not.toBe(0);
    const posts = sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/runs'));
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(posts.map((p) => `${p.headers['idempotency-key']} ${p.body}`)).size).toBe(1);
    expect(sim.runs).toHaveLength(1);
    expect(routes(sim)).toContain('POST /runs/:id/cancel');
    expect(result.stdout).toMatch(/a Mogplex run may have started/);
    expect(result.outputs['run-id']).toBe(sim.runs[0]!.id);
    expect(result.state).toMatchObject({ runId: sim.runs[0]!.id, done: 'true' });
  });

  it('a main step killed during POST /runs: the post step replays it and cancels the run', async () => {
    const sim = await simulator({ scenario: 'endless' });
    sim.addFault({ match: { method: 'POST', path: '/runs' }, action: { delayMs: 1_500, destroy: 'after' } });
    const main = await run(sim, {
      onSpawn: signalOnStart(sim, 'SIGKILL'),
    });
    expect(main.state.runId).toBeUndefined();
    expect(main.state.startKey).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    const post = await runPost(main);
    expect(post.code).toBe(0);
    expect(sim.runs).toHaveLength(1);
    expect(routes(sim).filter((r) => r === 'POST /runs/:id/cancel')).toHaveLength(1);
    expect(post.stdout).toMatch(/was found and its cancellation requested/);
    await post.cleanup();
  });
});

describe('inputs checked for what HTTP can carry', () => {
  it.each([
    [{ token: `mog_\u200bsim` }, 'token'],
    [{ 'idempotency-key': 'a\u0007b' }, 'idempotency-key'],
  ])('%j is an input error before any request', async (inputs, name) => {
    const sim = await simulator();
    const result = await run(sim, { inputs });
    expect(result.code).toBe(1);
    expect(sim.requests).toEqual([]);
    expect(errors(result)).toEqual([expect.stringMatching(new RegExp(`^Input \`${name}\``))]);
  });
});
