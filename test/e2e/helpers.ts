import type { ChildProcess } from 'node:child_process';
import { afterEach } from 'vitest';
import { API_BASE, SIM_TOKEN, startSimulator, type Simulator, type SimulatorOptions } from '../../simulator/server.js';
import { startGitHubStandin, type GitHubStandin } from '../support/github-standin.js';
import { runAction, type ActionResult, type RunActionOptions, type Signal } from '../support/run-action.js';

const open: Simulator[] = [];
const results: ActionResult[] = [];
const standins: GitHubStandin[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((sim) => sim.close()));
  await Promise.all(standins.splice(0).map((standin) => standin.close()));
  await Promise.all(results.splice(0).map((result) => result.cleanup()));
});

/** A fresh GitHub stand-in per test; closed after it. */
export async function github(): Promise<GitHubStandin> {
  const standin = await startGitHubStandin();
  standins.push(standin);
  return standin;
}

/** An `onSpawn` that signals the action as soon as the start request reaches the simulator (its answer may be held back). */
export function signalOnStart(sim: Simulator, name: Signal): (child: ChildProcess) => void {
  return (child) => {
    const poll = setInterval(() => {
      if (sim.requests.some((r) => r.method === 'POST')) {
        clearInterval(poll);
        child.kill(name);
      }
    }, 20);
    child.once('exit', () => clearInterval(poll));
  };
}

/** A fresh simulator per test; closed after it. */
export async function simulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const sim = await startSimulator(options);
  open.push(sim);
  return sim;
}

/** Runs dist/index.js against `sim` as a runner would, with quick polling unless a test says otherwise. */
export async function run(sim: Simulator, options: RunActionOptions = {}): Promise<ActionResult> {
  const result = await runAction({
    ...options,
    inputs: {
      token: SIM_TOKEN,
      'api-url': sim.url,
      prompt: 'Fix the failing tests',
      'requests-per-minute': 60,
      ...options.inputs,
    },
  });
  results.push(result);
  return result;
}

/** Requests to the API (not the simulator's control routes), as `METHOD /route`. */
export function routes(sim: Simulator): string[] {
  return sim.requests
    .filter((r) => r.path.startsWith(API_BASE))
    .map((r) => `${r.method} ${r.path.slice(API_BASE.length).replace(/^\/runs\/[^/]+/, '/runs/:id')}`);
}

/** Lines of stdout that open a group, i.e. one per event shown. */
export function groupTitles(result: ActionResult): string[] {
  return result.commands.filter((c) => c.command === 'group').map((c) => c.data);
}
