// Run bookkeeping. Timelines are materialized lazily from the clock whenever
// a run is read, so no timers are needed and every event's createdAt is the
// scenario's intended time (run creation + at * speed), not the read time.
import { createHash, randomUUID } from 'node:crypto';
import type { RepoGit } from './git.js';
import { deliveryFailure, stepEvent } from './lifecycle.js';
import type {
  ApiEvent,
  JsonObject,
  LifecycleStep,
  NormalizedStartRequest,
  RunDetail,
  Scenario,
  ServerVersion,
  SimEvent,
  SimRun,
  TerminalStatus,
} from './types.js';

interface RunState {
  run: SimRun;
  scenario: Scenario;
  /** The run's repository on GitHub: sync and delivery change it. */
  git: RepoGit;
  /** Index of the next scripted event to materialize. */
  next: number;
  /** When a requested cancellation lands, else null. */
  cancelAtMs: number | null;
  /** Where a checkpoint scenario is: before its pause, paused, or resumed in a new agent call. */
  phase: 'first' | 'paused' | 'resumed';
}

export interface NewRunInput {
  token: string;
  key: string;
  request: JsonObject;
  normalized: NormalizedStartRequest;
  requestHash: string;
  scenario: Scenario;
  git: RepoGit;
}

const TERMINAL = new Set(['success', 'failed', 'cancelled']);

export function isTerminal(status: string): boolean {
  return TERMINAL.has(status);
}

export class RunStore {
  private readonly states = new Map<string, RunState>();
  private readonly byKey = new Map<string, RunState>();
  private readonly order: RunState[] = [];

  constructor(
    private readonly speed: number,
    private readonly cancelDelayMs: number,
  ) {}

  /** All runs in creation order, brought up to `now`. */
  all(now = Date.now()): SimRun[] {
    return this.order.map((s) => this.advance(s, now));
  }

  /** The run created with this token and Idempotency-Key, if any. */
  findByKey(token: string, key: string, now = Date.now()): SimRun | undefined {
    const state = this.byKey.get(`${token}\n${key}`);
    return state && this.advance(state, now);
  }

  create(input: NewRunInput, now = Date.now()): SimRun {
    const run: SimRun = {
      id: randomUUID(),
      key: input.key,
      token: input.token,
      scenario: input.scenario.name,
      request: input.request,
      normalized: input.normalized,
      requestHash: input.requestHash,
      aiCallId: randomUUID(),
      sandboxRecordId: randomUUID(),
      sandboxId: `vsb_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
      runtimeRunId: randomUUID(),
      status: 'pending',
      error: null,
      events: [],
      createdAtMs: now,
      updatedAtMs: now,
      streamingAtMs: null,
      endedAtMs: null,
      cancelRequestedAtMs: null,
      runtimeCommandId: `cmd_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
      sync: null,
      delivery: null,
      terminalCommitSha: null,
    };
    const state: RunState = { run, scenario: input.scenario, git: input.git, next: 0, cancelAtMs: null, phase: 'first' };
    this.states.set(run.id, state);
    this.byKey.set(`${input.token}\n${input.key}`, state);
    this.order.push(state);
    return this.advance(state, now);
  }

  /** The run, if it exists; pass `token` to hide other tokens' runs. */
  get(id: string, token?: string, now = Date.now()): SimRun | undefined {
    const state = this.states.get(id);
    if (!state || (token !== undefined && state.run.token !== token)) return undefined;
    return this.advance(state, now);
  }

  /**
   * Requests cancellation (idempotent). Appends `cancel_requested` now; the
   * run turns `cancelled` cancelDelayMs * speed later.
   */
  cancel(id: string, token: string, now = Date.now()): { run: SimRun; alreadyTerminal: boolean } | undefined {
    const state = this.states.get(id);
    if (!state || state.run.token !== token) return undefined;
    const run = this.advance(state, now);
    if (isTerminal(run.status)) return { run, alreadyTerminal: true };
    if (run.status === 'awaiting_input') {
      // run-control.ts: a paused run is cancelled at once, and no event is written.
      run.cancelRequestedAtMs = now;
      this.finish(run, 'cancelled', null, now);
      return { run, alreadyTerminal: false };
    }
    if (run.cancelRequestedAtMs === null) {
      run.cancelRequestedAtMs = now;
      this.push(run, {
        type: 'cancel_requested',
        message: 'Cancellation requested',
        payload: { external_run_id: run.id, runtime_command_id: commandOf(run) },
        atMs: now,
      });
      state.cancelAtMs = now + this.cancelDelayMs * this.speed;
    }
    return { run: this.advance(state, now), alreadyTerminal: false };
  }

  private advance(state: RunState, now: number): SimRun {
    const { run, scenario } = state;
    if (run.endedAtMs !== null) return run;
    const endAt = run.createdAtMs + scenario.end.at * this.speed;
    // The run row turns streaming once the sandbox is up (run-execution.ts).
    const launchAt = run.createdAtMs + scenario.launchAt * this.speed;
    if (run.status === 'pending' && launchAt <= Math.min(now, endAt, state.cancelAtMs ?? Infinity)) {
      run.status = 'streaming';
      run.streamingAtMs = launchAt;
      run.updatedAtMs = Math.max(run.updatedAtMs, launchAt);
    }
    const checkpoint = scenario.checkpoint && {
      pauseAt: run.createdAtMs + scenario.checkpoint.at * this.speed,
      resumeAt: run.createdAtMs + scenario.checkpoint.resumeAt * this.speed,
    };
    // Scripted events stop once cancellation was requested (the agent was signalled).
    while (run.cancelRequestedAtMs === null && state.next < scenario.events.length) {
      const event = scenario.events[state.next];
      if (!event) break;
      const atMs = run.createdAtMs + event.at * this.speed;
      if (atMs > now || atMs > endAt) break;
      if (checkpoint && state.phase !== 'resumed' && atMs >= checkpoint.resumeAt) this.resume(state, checkpoint.resumeAt);
      const text = 'step' in event ? this.step(state, event.step) : event;
      this.push(run, {
        type: text.type,
        toolName: 'toolName' in text ? text.toolName : undefined,
        message: text.message,
        payload: text.payload,
        atMs,
      });
      state.next += 1;
    }
    if (checkpoint && run.cancelRequestedAtMs === null && state.phase !== 'resumed') {
      if (checkpoint.resumeAt <= now) this.resume(state, checkpoint.resumeAt);
      else if (checkpoint.pauseAt <= now && state.phase === 'first') {
        // The pass ended with its own `finished` event; no event marks the pause.
        state.phase = 'paused';
        run.status = 'awaiting_input';
        run.updatedAtMs = Math.max(run.updatedAtMs, checkpoint.pauseAt);
      }
    }
    if (run.cancelRequestedAtMs === null && endAt <= now) {
      const error =
        scenario.end.error ??
        (scenario.end.status === 'failed' && scenario.leaves === 'untracked-files' ? deliveryFailure(run, state.git.fullName) : null);
      this.finish(run, scenario.end.status, error, endAt);
    } else if (state.cancelAtMs !== null && state.cancelAtMs <= now) {
      this.push(run, {
        type: 'cancelled',
        message: 'External Mogplex run cancelled',
        payload: { external_run_id: run.id, runtime_command_id: commandOf(run) },
        atMs: state.cancelAtMs,
      });
      this.finish(run, 'cancelled', null, state.cancelAtMs);
    }
    return run;
  }

  /** The answer came (outside the v1 API): a new agent call in a new sandbox, streaming again. */
  private resume(state: RunState, atMs: number): void {
    const { run } = state;
    state.phase = 'resumed';
    run.aiCallId = randomUUID();
    run.sandboxRecordId = randomUUID();
    run.sandboxId = `vsb_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    run.status = 'streaming';
    run.updatedAtMs = Math.max(run.updatedAtMs, atMs);
  }

  /** Applies a lifecycle step to the repo (branch pushed, pull request opened) and returns its event. */
  private step(state: RunState, step: LifecycleStep): ReturnType<typeof stepEvent> {
    const { run, git } = state;
    if (step === 'git_sync' || step === 'delivery' || step === 'stream_failed') {
      run.sync ??= git.sync({
        aiCallId: run.aiCallId,
        baseBranch: run.normalized.baseBranch,
        workingBranch: run.normalized.workingBranch,
        createBranch: run.normalized.createBranch,
      });
    }
    if (step === 'delivery' && run.sync) run.delivery ??= git.deliver(run.sync, state.scenario.leaves === 'commits');
    return stepEvent(step, run, git.fullName);
  }

  private push(
    run: SimRun,
    e: { type: string; toolName?: string | undefined; message: string; payload?: JsonObject | undefined; atMs: number },
  ): void {
    const event: SimEvent = {
      id: randomUUID(),
      type: e.type,
      toolName: e.toolName ?? null,
      message: e.message,
      payload: e.payload ?? {},
      createdAt: new Date(e.atMs).toISOString(),
      createdAtMs: e.atMs,
      aiCallId: run.aiCallId,
    };
    run.events.push(event);
    run.updatedAtMs = Math.max(run.updatedAtMs, e.atMs);
  }

  private finish(run: SimRun, status: TerminalStatus, error: string | null, atMs: number): void {
    run.status = status;
    // Best effort on the server: the pushed tip, when the run succeeded on a branch.
    if (status === 'success') run.terminalCommitSha = createHash('sha1').update(`${run.id}:${run.aiCallId}`).digest('hex');
    run.error = error;
    run.endedAtMs = atMs;
    run.updatedAtMs = Math.max(run.updatedAtMs, atMs);
  }
}

/** The runtime command, once the harness command started (status_changed), else null. */
function commandOf(run: SimRun): string | null {
  return run.events.some((e) => e.type === 'status_changed') ? run.runtimeCommandId : null;
}

/** The events of the run's current agent call: a resumed run lists only its new segment's. */
export function segmentEvents(run: SimRun): SimEvent[] {
  return run.events.filter((event) => event.aiCallId === run.aiCallId);
}

export function presentRun(run: SimRun, server: ServerVersion = 'newer'): RunDetail {
  const detail: RunDetail = {
    runId: run.id,
    aiCallId: run.aiCallId,
    sandboxRecordId: run.sandboxRecordId,
    // The sandbox id is only known once the runtime picked the run up.
    sandboxId: run.status === 'pending' ? null : run.sandboxId,
    repoId: run.normalized.repoId,
    harness: run.normalized.harness,
    status: run.status,
    branch: {
      base: run.normalized.baseBranch,
      working: run.normalized.workingBranch,
      createBranch: run.normalized.createBranch,
    },
    rootDirectory: run.normalized.rootDirectory,
    eventsUrl: `/api/v1/mogplex/runs/${run.id}/events`,
    cancelUrl: `/api/v1/mogplex/runs/${run.id}/cancel`,
    createdAt: new Date(run.createdAtMs).toISOString(),
    updatedAt: new Date(run.updatedAtMs).toISOString(),
    error: run.error,
    runtime: { provider: 'trigger', runId: run.runtimeRunId },
  };
  if (server === 'august') return detail;
  return { ...detail, worktreeId: null, agentId: null, mode: run.normalized.mode, terminalCommitSha: run.terminalCommitSha };
}

export function presentEvent(event: SimEvent): ApiEvent {
  const { createdAtMs: _at, aiCallId: _call, ...api } = event;
  return api;
}
