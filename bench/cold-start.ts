// Cold start: from spawn to the first request reaching the simulator, for the
// action's dist/index.js, the baseline follower and the floor script, beside
// `node -e 0` (spawn to exit) run with the same Node 24 binary in the same
// loop, interleaved.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SIM_TOKEN, startSimulator } from '../simulator/server.js';
import { nodeBinary, runAction } from '../test/support/run-action.js';
import { spawnBaseline } from './measure.js';
import { startCountingProxy, type CountingProxy } from './proxy.js';
import { median } from './stats.js';

export interface ColdStartResult {
  runs: number;
  nodeMs: number[];
  actionMs: number[];
  baselineMs: number[];
  floorMs: number[];
  nodeMedianMs: number;
  actionMedianMs: number;
  baselineMedianMs: number;
  floorMedianMs: number;
  /** action median / node -e 0 median */
  ratio: number;
  baselineRatio: number;
  /** action median / floor script median */
  floorRatio: number;
}

/**
 * The floor: the least a Node program that sends one request over the modules
 * the action needs can do. CommonJS (no ESM loader), node:https loaded as the
 * action loads it, one GET, then exit.
 */
const FLOOR_SCRIPT = `'use strict';
const https = require('node:https');
const http = require('node:http');
const url = new URL(process.argv[2]);
const client = url.protocol === 'https:' ? https : http;
client.get(url, { headers: { Authorization: 'Bearer ' + process.env.FLOOR_TOKEN } }, (res) => res.resume()).on('error', () => process.exit(1));
`;

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', () => resolve());
  });
}

async function timeNode(): Promise<number> {
  const child = spawn(nodeBinary(), ['-e', '0'], { stdio: 'ignore', env: { PATH: process.env['PATH'] ?? '' } });
  const t0 = performance.now();
  return new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', () => resolve(performance.now() - t0));
  });
}

async function timeAction(proxy: CountingProxy): Promise<number> {
  const first = proxy.nextRequest();
  let t0 = 0;
  let child: ChildProcess | undefined;
  const result = runAction({
    inputs: { token: SIM_TOKEN, 'api-url': proxy.url, prompt: '[sim:success] Cold start.' },
    timeoutMs: 30_000,
    onSpawn: (c) => {
      t0 = performance.now();
      child = c;
    },
  });
  const request = await Promise.race([first, result.then(() => null)]);
  if (request === null) throw new Error('the action exited before sending a request');
  child?.kill('SIGKILL');
  await (await result).cleanup();
  return request.perfAt - t0;
}

async function timeBaseline(proxy: CountingProxy, apiPath: string): Promise<number> {
  const first = proxy.nextRequest();
  const child = spawnBaseline(`${proxy.url}${apiPath}`, '[sim:success] Cold start.');
  const t0 = performance.now();
  const closed = exited(child);
  const request = await Promise.race([first, closed.then(() => null)]);
  if (request === null) throw new Error('the baseline follower exited before sending a request');
  child.kill('SIGKILL');
  await closed;
  return request.perfAt - t0;
}

async function timeFloor(proxy: CountingProxy, script: string, url: string): Promise<number> {
  const first = proxy.nextRequest();
  const child = spawn(nodeBinary(), [script, url], {
    stdio: 'ignore',
    env: { PATH: process.env['PATH'] ?? '', FLOOR_TOKEN: SIM_TOKEN },
  });
  const t0 = performance.now();
  const closed = exited(child);
  const request = await Promise.race([first, closed.then(() => null)]);
  if (request === null) throw new Error('the floor script exited before sending a request');
  child.kill('SIGKILL');
  await closed;
  return request.perfAt - t0;
}

export async function measureColdStart(runs: number): Promise<ColdStartResult> {
  // No rate limits: this loop starts many followers against one simulator.
  const sim = await startSimulator({ scenario: 'success', rateLimit: false, runStartLimit: false });
  const proxy = await startCountingProxy(sim.url);
  const apiPath = sim.apiUrl.slice(sim.url.length);
  const nodeMs: number[] = [];
  const actionMs: number[] = [];
  const baselineMs: number[] = [];
  const floorMs: number[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'mogplex-floor-'));
  const floor = join(dir, 'floor.cjs');
  writeFileSync(floor, FLOOR_SCRIPT);
  const floorUrl = `${proxy.url}${apiPath}/repos?q=cold`;
  try {
    // One untimed warm-up of each (page cache), then interleaved runs, order rotating.
    await timeNode();
    await timeAction(proxy);
    await timeBaseline(proxy, apiPath);
    await timeFloor(proxy, floor, floorUrl);
    const steps = [
      async () => nodeMs.push(await timeNode()),
      async () => actionMs.push(await timeAction(proxy)),
      async () => baselineMs.push(await timeBaseline(proxy, apiPath)),
      async () => floorMs.push(await timeFloor(proxy, floor, floorUrl)),
    ];
    for (let i = 0; i < runs; i += 1) {
      for (let j = 0; j < steps.length; j += 1) await steps[(i + j) % steps.length]!();
    }
  } finally {
    await proxy.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const nodeMedianMs = median(nodeMs) ?? NaN;
  const actionMedianMs = median(actionMs) ?? NaN;
  const baselineMedianMs = median(baselineMs) ?? NaN;
  const floorMedianMs = median(floorMs) ?? NaN;
  return {
    runs,
    nodeMs,
    actionMs,
    baselineMs,
    floorMs,
    nodeMedianMs,
    actionMedianMs,
    baselineMedianMs,
    floorMedianMs,
    ratio: actionMedianMs / nodeMedianMs,
    baselineRatio: baselineMedianMs / nodeMedianMs,
    floorRatio: actionMedianMs / floorMedianMs,
  };
}
