// Runs the built action (dist/index.js) the way a GitHub runner starts a node
// action: a fresh environment, INPUT_* variables (with action.yml defaults),
// file-command files, an event payload, and STATE_* variables for the post step.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateDefault, readActionManifest, type ActionManifest } from './action-manifest.js';
import { fileCommandRecord } from './file-commands.js';
import { RunnerCommandParser, type RunnerCommand } from './runner-commands.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

/** The Node 24 binary the runner would use (node24 actions), else this Node. */
export function nodeBinary(): string {
  const bundled = join(REPO_ROOT, 'node_modules', 'node', 'bin', 'node');
  return existsSync(bundled) ? bundled : process.execPath;
}

export type Signal = 'SIGINT' | 'SIGTERM' | 'SIGKILL';

/**
 * The runner cancels a step with SIGINT, then SIGTERM 7.5 s later, then kills
 * it 2.5 s after that. Use as `signal.then` to mimic a cancelled job.
 */
export const RUNNER_CANCEL_STEPS: ReadonlyArray<{ name: Signal; afterMs: number }> = [
  { name: 'SIGTERM', afterMs: 7500 },
  { name: 'SIGKILL', afterMs: 2500 },
];

export interface SignalPlan {
  /** Sent once the stdout collected so far matches. */
  when: RegExp;
  /** Default SIGINT (what the runner sends first on cancellation). */
  name?: Signal;
  /** Wait this long after the match before signalling; default 0. */
  afterMs?: number;
  /** Further signals, each `afterMs` after the previous one, sent only while the child lives. */
  then?: ReadonlyArray<{ name: Signal; afterMs: number }>;
  /** Shorthand for `then: [{ name: 'SIGKILL', afterMs: thenAfterMs }]`. */
  thenAfterMs?: number;
}

export interface RunActionOptions {
  /** Action inputs by their action.yml name (e.g. 'api-url'); undefined leaves one unset. */
  inputs?: Record<string, string | number | boolean | undefined>;
  /** Extra environment; a key set to undefined removes that variable. */
  env?: Record<string, string | undefined>;
  /** The webhook payload written to GITHUB_EVENT_PATH; default {}. */
  event?: unknown;
  eventName?: string;
  /** Kill the child (SIGKILL) and reject after this long; default 60 s. */
  timeoutMs?: number;
  onStdout?: (chunk: string, child: ChildProcess) => void;
  onStderr?: (chunk: string, child: ChildProcess) => void;
  /** Called right after spawn, e.g. to signal the child yourself. */
  onSpawn?: (child: ChildProcess) => void;
  signal?: SignalPlan;
  /** Script to run, relative to the repo root; default action.yml runs.main, else dist/index.js. */
  entry?: string;
  /** Node binary; default nodeBinary(). */
  nodePath?: string;
  /** Apply action.yml input defaults like the runner does; default true. */
  actionDefaults?: boolean;
  /** Reuse directories (the post step shares the job's workspace and RUNNER_TEMP). */
  workspace?: string;
  runnerTemp?: string;
}

export interface ActionFiles {
  root: string;
  output: string;
  summary: string;
  state: string;
  env: string;
  path: string;
  event: string;
  workspace: string;
  runnerTemp: string;
}

export interface ActionResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  state: Record<string, string>;
  /** Variables the step exported through GITHUB_ENV. */
  exportedEnv: Record<string, string>;
  /** Lines the step added through GITHUB_PATH. */
  addedPath: string[];
  /** Errors the runner would raise reading the file commands (the step would fail). */
  fileCommandErrors: string[];
  /** Workflow commands the runner would process: stdout's, then stderr's (one shared stop state). */
  commands: RunnerCommand[];
  /** The runner refuses to upload a step summary over 1 MiB. */
  summaryTooLarge: boolean;
  files: ActionFiles;
  /** The INPUT_* values the child got, by input name (reused by runPost). */
  inputs: Record<string, string>;
  /** The full environment the child got. */
  env: Record<string, string>;
  durationMs: number;
  /** Removes the temp directories (workspace and file-command files). */
  cleanup(): Promise<void>;
}

export class ActionTimeoutError extends Error {
  constructor(
    readonly timeoutMs: number,
    readonly stdout: string,
    readonly stderr: string,
  ) {
    super(`action did not exit within ${timeoutMs} ms\n--- stdout ---\n${stdout.slice(-4000)}\n--- stderr ---\n${stderr.slice(-4000)}`);
  }
}

const FIXED_SHA = '0123456789abcdef0123456789abcdef01234567';

/** `INPUT_` + name upper-cased with spaces turned to `_`; hyphens are kept (runner rule). */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

function manifest(): ActionManifest | null {
  return readActionManifest(join(REPO_ROOT, 'action.yml')) ?? readActionManifest(join(REPO_ROOT, 'action.yaml'));
}

async function prepareFiles(opts: RunActionOptions): Promise<ActionFiles> {
  const root = await mkdtemp(join(tmpdir(), 'mogplex-action-'));
  const files: ActionFiles = {
    root,
    output: join(root, 'files', 'github_output'),
    summary: join(root, 'files', 'step_summary'),
    state: join(root, 'files', 'github_state'),
    env: join(root, 'files', 'github_env'),
    path: join(root, 'files', 'github_path'),
    event: join(root, 'files', 'event.json'),
    workspace: opts.workspace ?? join(root, 'workspace'),
    runnerTemp: opts.runnerTemp ?? join(root, 'runner_temp'),
  };
  await mkdir(join(root, 'files'), { recursive: true });
  await mkdir(files.workspace, { recursive: true });
  await mkdir(files.runnerTemp, { recursive: true });
  await Promise.all([files.output, files.summary, files.state, files.env, files.path].map((f) => writeFile(f, '')));
  await writeFile(files.event, JSON.stringify(opts.event ?? {}));
  return files;
}

function buildEnv(
  opts: RunActionOptions,
  files: ActionFiles,
  extra: Record<string, string>,
): { env: Record<string, string>; inputs: Record<string, string> } {
  const repository = opts.env?.['GITHUB_REPOSITORY'] ?? 'acme/web';
  const eventName = opts.eventName ?? 'workflow_dispatch';
  const env: Record<string, string> = {};
  // Only PATH and HOME survive from the parent: no stray GITHUB_*, INPUT_*, MOGPLEX_*.
  if (process.env['PATH'] !== undefined) env['PATH'] = process.env['PATH'];
  if (process.env['HOME'] !== undefined) env['HOME'] = process.env['HOME'];
  Object.assign(env, {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0] ?? '',
    GITHUB_RUN_ID: '1234',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'build',
    GITHUB_ACTION: '__run',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'Mogplex',
    GITHUB_WORKFLOW_REF: `${repository}/.github/workflows/mogplex.yml@refs/heads/main`,
    GITHUB_SHA: FIXED_SHA,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    GITHUB_WORKSPACE: files.workspace,
    RUNNER_TEMP: files.runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted',
  });

  // The runner sets every given input, plus action.yml defaults for the rest.
  const inputs: Record<string, string> = {};
  if (opts.actionDefaults ?? true) {
    const context: Record<string, string> = {
      'github.token': opts.env?.['GITHUB_TOKEN'] ?? 'ghs_simulatedRunnerToken000000000000000',
      'github.repository': repository,
      'github.repository_owner': env['GITHUB_REPOSITORY_OWNER'] ?? '',
      'github.server_url': env['GITHUB_SERVER_URL'] ?? '',
      'github.api_url': env['GITHUB_API_URL'] ?? '',
      'github.run_id': '1234',
      'github.run_attempt': '1',
      'github.sha': FIXED_SHA,
      'github.ref': 'refs/heads/main',
      'github.event_name': eventName,
      'github.workspace': files.workspace,
      'runner.temp': files.runnerTemp,
    };
    for (const [name, spec] of Object.entries(manifest()?.inputs ?? {})) {
      if (spec.default !== undefined) inputs[name] = evaluateDefault(spec.default, context);
    }
  }
  for (const [name, value] of Object.entries(opts.inputs ?? {})) {
    if (value === undefined) delete inputs[name];
    else inputs[name] = String(value);
  }
  for (const [name, value] of Object.entries(inputs)) env[inputEnvName(name)] = value;

  Object.assign(env, extra);
  for (const [name, value] of Object.entries(opts.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return { env, inputs };
}

function defaultEntry(kind: 'main' | 'post'): string {
  return manifest()?.runs[kind] ?? 'dist/index.js';
}

async function execute(opts: RunActionOptions, entry: string, extraEnv: Record<string, string>): Promise<ActionResult> {
  const files = await prepareFiles(opts);
  const { env, inputs } = buildEnv(opts, files, extraEnv);
  const script = isAbsolute(entry) ? entry : join(REPO_ROOT, entry);
  if (!existsSync(script)) throw new Error(`${script} does not exist; build it first (npm run package)`);
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const started = Date.now();

  const child = spawn(opts.nodePath ?? nodeBinary(), [script], {
    cwd: files.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  opts.onSpawn?.(child);

  let stdout = '';
  let stderr = '';
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void): void => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;

  let signalled = false;
  const maybeSignal = (): void => {
    const plan = opts.signal;
    if (!plan || signalled || !plan.when.test(stdout)) return;
    signalled = true;
    const rest = plan.then ?? (plan.thenAfterMs === undefined ? [] : [{ name: 'SIGKILL' as const, afterMs: plan.thenAfterMs }]);
    const steps = [{ name: plan.name ?? 'SIGINT', afterMs: plan.afterMs ?? 0 }, ...rest];
    const runStep = (i: number): void => {
      const step = steps[i];
      if (!step) return;
      later(step.afterMs, () => {
        if (!alive()) return;
        child.kill(step.name);
        runStep(i + 1);
      });
    };
    runStep(0);
  };

  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
    opts.onStdout?.(chunk, child);
    maybeSignal();
  });
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
    opts.onStderr?.(chunk, child);
  });

  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit, reject) => {
    later(timeoutMs, () => {
      if (alive()) child.kill('SIGKILL');
      reject(new ActionTimeoutError(timeoutMs, stdout, stderr));
    });
    child.once('error', reject);
    // 'close' waits for stdout/stderr to drain, so no output is lost.
    child.once('close', (code, signal) => resolveExit({ code, signal }));
  })
    .catch(async (error: unknown) => {
      // No result to clean up later, so drop the temp files now.
      await rm(files.root, { recursive: true, force: true }).catch(() => undefined);
      throw error;
    })
    .finally(() => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    });

  const [outputText, summary, stateText, envText, pathText] = await Promise.all(
    [files.output, files.summary, files.state, files.env, files.path].map((f) => readFile(f, 'utf8')),
  );
  const outputs = fileCommandRecord(outputText ?? '');
  const state = fileCommandRecord(stateText ?? '');
  const exported = fileCommandRecord(envText ?? '');
  const errors: string[] = [];
  if (outputs.error) errors.push(`GITHUB_OUTPUT: ${outputs.error}`);
  if (state.error) errors.push(`GITHUB_STATE: ${state.error}`);
  if (exported.error) errors.push(`GITHUB_ENV: ${exported.error}`);

  const parser = new RunnerCommandParser();
  parser.feed(stdout);
  parser.feed(stderr);

  return {
    code: exit.code,
    signal: exit.signal,
    stdout,
    stderr,
    outputs: outputs.values,
    summary: summary ?? '',
    state: state.values,
    exportedEnv: exported.values,
    addedPath: (pathText ?? '').split('\n').filter((l) => l.trim() !== ''),
    fileCommandErrors: errors,
    commands: parser.commands,
    summaryTooLarge: Buffer.byteLength(summary ?? '') > 1024 * 1024,
    files,
    inputs,
    env,
    durationMs: Date.now() - started,
    cleanup: () => rm(files.root, { recursive: true, force: true }),
  };
}

/** Runs the action's main entry as a runner step would. */
export function runAction(opts: RunActionOptions = {}): Promise<ActionResult> {
  return execute(opts, opts.entry ?? defaultEntry('main'), {});
}

/**
 * Runs the action's post entry (action.yml runs.post, else dist/index.js) with
 * STATE_<name> for every state entry the main step saved. Given the main
 * step's result, it reuses its inputs, workspace and RUNNER_TEMP by default.
 */
export function runPost(previous: ActionResult | Record<string, string>, opts: RunActionOptions = {}): Promise<ActionResult> {
  const isResult = isActionResult(previous);
  const state = isResult ? previous.state : previous;
  const stateEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(state)) stateEnv[`STATE_${name}`] = value;
  const merged: RunActionOptions = isResult
    ? {
        inputs: previous.inputs,
        workspace: previous.files.workspace,
        runnerTemp: previous.files.runnerTemp,
        actionDefaults: false,
        ...opts,
      }
    : opts;
  return execute(merged, opts.entry ?? defaultEntry('post'), stateEnv);
}

function isActionResult(value: ActionResult | Record<string, string>): value is ActionResult {
  return typeof value === 'object' && value !== null && 'files' in value && typeof value.files === 'object';
}
