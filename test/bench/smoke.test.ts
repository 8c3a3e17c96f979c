// The bench's smoke mode (one short timeline, 3 cold starts), so `npm run bench`
// cannot rot. It asserts only that every figure is produced, not the targets:
// timings on a loaded test machine are noise.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/run-action.js';

interface SmokeJson {
  mode: string;
  results: Array<Record<string, number | string | null>>;
  coldStart: {
    nodeMedianMs: number;
    actionMedianMs: number;
    baselineMedianMs: number;
    floorMedianMs: number;
    ratio: number;
    floorRatio: number;
  };
  bundleBytes: number;
  shared: Array<{
    k: number;
    status429: number[];
    exitCodes: number[];
    endLagMedianMs: number;
    busiestAnswered: number;
    perStepPerMinute: number;
  }>;
  follow: Array<{
    name: string;
    status429: number;
    exitLagMaxMs: number | null;
    requestsPerLeg: number;
    legs: Array<{ exitCode: number | null; everyEventOnce: boolean; visibleLogLines: number; requests: number }>;
  }>;
}

function runBenchSmoke(jsonPath: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'bench', '--', '--smoke', '--json', jsonPath], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run bench -- --smoke', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('measures the action and the baseline on a short timeline and prints the table', { timeout: 90_000 }, async () => {
    dir = await mkdtemp(join(tmpdir(), 'mogplex-bench-smoke-'));
    const jsonPath = join(dir, 'smoke.json');
    const { code, stdout, stderr } = await runBenchSmoke(jsonPath);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/metric\s+action\s+baseline/);
    expect(stdout).toContain('Cold start');

    const results = JSON.parse(await readFile(jsonPath, 'utf8')) as SmokeJson;
    expect(results.mode).toBe('smoke');
    expect(results.results.map((r) => r['follower']).sort()).toEqual(['action', 'baseline']);
    for (const r of results.results) {
      expect(r['exitCode']).toBe(0);
      expect(r['events']).toBeGreaterThan(0);
      expect(r['eventsShown']).toBe(r['events']);
      expect(r['mismatched']).toBe(0);
      for (const key of [
        'requests',
        'maxPerMinuteWindow',
        'meanPerMinute',
        'latencyMedianMs',
        'latencyP95Ms',
        'endLagMs',
        'bytesPerMinute',
      ]) {
        expect(Number.isFinite(r[key]), `${String(r['follower'])}.${key} = ${String(r[key])}`).toBe(true);
      }
      expect(r['bytes']).toBeGreaterThan(0);
      if (process.platform === 'linux') expect(r['peakRssBytes']).toBeGreaterThan(0);
    }
    const { nodeMedianMs, actionMedianMs, baselineMedianMs, floorMedianMs, ratio, floorRatio } = results.coldStart;
    for (const value of [nodeMedianMs, actionMedianMs, baselineMedianMs, floorMedianMs, ratio, floorRatio]) {
      expect(Number.isFinite(value)).toBe(true);
    }
    expect(results.bundleBytes).toBeGreaterThan(0);
    expect(stdout).toContain('Shared token');
    expect(results.shared.map((r) => r.k)).toEqual([2]);
    const [shared] = results.shared;
    expect(shared!.exitCodes).toEqual([0, 0]);
    expect(shared!.status429).toHaveLength(2);
    for (const value of [shared!.endLagMedianMs, shared!.busiestAnswered, shared!.perStepPerMinute])
      expect(Number.isFinite(value)).toBe(true);
    // The follow targets: the newer server's stream with cuts, and a short run polled on the older server.
    expect(stdout).toContain("Following (issue 19's targets)");
    expect(results.follow.map((c) => c.name)).toEqual(['2,000 events, two stream cuts', 'lone 6 s run, older server']);
    for (const c of results.follow) {
      expect(Number.isFinite(c.exitLagMaxMs), c.name).toBe(true);
      expect(Number.isFinite(c.requestsPerLeg), c.name).toBe(true);
      for (const leg of c.legs) {
        expect(leg.exitCode, c.name).toBe(0);
        expect(leg.everyEventOnce, c.name).toBe(true);
        expect(leg.visibleLogLines, c.name).toBeGreaterThan(0);
      }
    }
  });
});
