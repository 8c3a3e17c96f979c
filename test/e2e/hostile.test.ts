// Hostile answers from the simulator (deep payloads, huge and endless bodies,
// absurd Retry-After, 404 blips, link-laden text, a huge prompt), replayed
// against the built action and judged by what a runner would see.
import { describe, expect, it } from 'vitest';
import { withEvents, type AddedEvent } from '../../simulator/faults.js';
import { pullRequestEvent } from '../support/pull-request.js';
import { github, groupTitles, run, simulator } from './helpers.js';

const EVENTS = /\/events$/;

/** Text as GitHub reads it: numeric entities decoded (twice, to be safe). */
function decoded(text: string): string {
  const once = (t: string) => t.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
  return once(once(text));
}

/** A rewrite that adds `event` only to the answers that show the run ended, so it is among the last events. */
function atTheEnd(event: AddedEvent): (body: string) => string {
  const add = withEvents(event);
  return (body) => (/"status":"(success|failed|cancelled)"/.test(body) ? add(body) : body);
}

describe('bounded rendering', () => {
  it('prints a payload 5,000 arrays deep and a 5 MB message bounded, and the run ends success', async () => {
    const sim = await simulator({ server: 'august', speed: 1.5 });
    const deep = `${'['.repeat(5_000)}1${']'.repeat(5_000)}`;
    const rewrite = withEvents({ id: 'deep', payloadJson: `{"deep":${deep}}` }, { id: 'long', message: 'y'.repeat(5_000_000) });
    sim.addFault({ match: { path: EVENTS, nth: 2 }, action: { rewrite } });
    const result = await run(sim);
    expect(result.code).toBe(0);
    expect(result.outputs.status).toBe('success');
    expect(result.stdout).not.toContain('Lost track');
    expect(groupTitles(result)).toHaveLength(sim.runs[0]!.events.length + 2);
    expect(result.stdout).toContain('[… 1 more item, deeper than the log shows]');
    expect(result.stdout).toContain('more characters not shown');
    // Before: 10,000 lines and megabytes of indentation, or a crash; now a few KB per event.
    expect(result.stdout.length).toBeLessThan(60_000);
    expect(Math.max(...result.stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(8_192);
  });
});

describe('bounded answers', () => {
  it('cuts an endless and a 20 MB events answer at 16 MB, retries, and the run ends success', async () => {
    const sim = await simulator({ server: 'august', speed: 1.5 });
    sim.addFault({ match: { path: EVENTS, nth: 2 }, action: { endless: true } });
    sim.addFault({ match: { path: EVENTS, nth: 3 }, action: { status: 200, body: `{"ok":true,"data":"${'z'.repeat(20_000_000)}"}` } });
    const result = await run(sim, { inputs: { 'log-level': 'debug' } });
    expect(result.code).toBe(0);
    expect(result.outputs.status).toBe('success');
    const cut = result.stdout.match(
      /Reading the run failed, will try again: Mogplex run events failed: the answer was larger than 16 MB; stopped reading it/g,
    );
    expect(cut).toHaveLength(2);
    const events = sim.requests.filter((r) => EVENTS.test(r.path));
    expect(events[1]!.faulted && events[2]!.faulted).toBe(true);
    expect(events.length).toBeGreaterThan(3);
  });
});

describe('bounded waits', () => {
  it('a Retry-After of 3,000,000 s gives no TimeoutOverflowWarning: the step waits until its own deadline', async () => {
    const sim = await simulator({ server: 'august', scenario: 'slow', speed: 1 });
    sim.addFault({ match: { path: EVENTS, nth: 2 }, action: { status: 503, headers: { 'Retry-After': '3000000' } } });
    const started = Date.now();
    const result = await run(sim, { inputs: { 'timeout-minutes': '0.2' } });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.stderr).not.toContain('TimeoutOverflowWarning');
    expect(result.stderr.length).toBeLessThan(2_000);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Reading the run failed, will try again');
    expect(result.commands.find((c) => c.command === 'error')?.data).toMatch(/^Timed out after 0.2 minutes/);
    // Honoured: no events poll after the 503 (only the cancel at the deadline).
    const after = sim.requests.slice(sim.requests.findIndex((r) => r.status === 503) + 1);
    expect(after.map((r) => r.method)).toEqual(['POST']);
  });
});

describe('patience with a lost run', () => {
  it('a 404 blip on events does not end the step', async () => {
    const sim = await simulator({ server: 'august', speed: 0.5 });
    sim.addFault({ match: { path: EVENTS, nth: 2, times: 2 }, action: { status: 404 } });
    const result = await run(sim);
    expect(result.code).toBe(0);
    expect(result.outputs.status).toBe('success');
    expect(result.stdout.match(/Reading the run failed, will try again: Mogplex run events failed with HTTP 404/g)).toHaveLength(2);
    expect(result.stdout).not.toContain('Lost track');
    const events = sim.requests.filter((r) => EVENTS.test(r.path));
    expect(events.map((r) => r.status).slice(0, 4)).toEqual([200, 404, 404, 200]);
    // Backoff: 1 s, then 2 s.
    expect(events[2]!.at - events[1]!.at).toBeGreaterThanOrEqual(1_000);
    expect(events[3]!.at - events[2]!.at).toBeGreaterThanOrEqual(2_000);
  });
});

describe('the pull request comment', () => {
  it('a 99,000-character prompt still gets its comment, within 65,536 characters', async () => {
    const sim = await simulator({ speed: 0.3 });
    const gh = await github();
    const prompt = Array.from({ length: 390 }, (_, i) => `${i} ${'@'.repeat(250)}`).join('\n');
    expect(prompt.length).toBeGreaterThan(99_000);
    const result = await run(sim, {
      ...pullRequestEvent({ headRef: 'feature/login' }),
      inputs: { prompt, 'comment-on-pr': 'true', 'github-token': 'ghs_standin' },
      env: { GITHUB_API_URL: gh.url },
    });
    expect(result.code).toBe(0);
    expect(result.commands.filter((c) => c.command === 'warning')).toEqual([]);
    expect(gh.comments).toHaveLength(1);
    const { body } = gh.comments[0]!;
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('### ✅ Mogplex run succeeded');
    expect(body).toMatch(/… \d+ more lines of the prompt not shown\./);
  });

  it('agent text makes no link, autolink, mention or reference in the comment or the summary', async () => {
    const sim = await simulator({ speed: 0.3 });
    const gh = await github();
    const attack = 'Log in at www.evil.example/login or https://evil.example, ask &#64;octocat or @acme/admins, see &#35;1, #2, GH-3';
    sim.addFault({
      match: { path: EVENTS, times: 1_000 },
      action: { rewrite: atTheEnd({ id: 'links', type: 'finished', message: attack }) },
    });
    const result = await run(sim, {
      ...pullRequestEvent({ headRef: 'feature/login' }),
      inputs: { 'comment-on-pr': 'true', 'github-token': 'ghs_standin' },
      env: { GITHUB_API_URL: gh.url },
    });
    expect(result.code).toBe(0);
    const comment = decoded(gh.comments[0]!.body).replace(/\]\(https:\/\/github\.com\/[^)\s]*\)/g, '](own)');
    const summary = decoded(result.summary);
    for (const text of [comment, summary]) {
      // The attack is there, word for word once the invisible joiners are taken out...
      expect(text.replace(/\u2060/g, '')).toContain('Log in at www.evil.example/login or https://evil.example');
      // ...and none of it can link, mention or reference.
      expect(text).not.toMatch(/www\.|https?:\/\/evil|@octocat|@acme|#\d|GH-\d/i);
    }
  });
});
