import type { RunDetail, RunEvent, StartedRun } from '../../src/api/schema.js';

export const STARTED_AT = '2026-11-22T10:00:00.000Z';

/** A run as the API describes it, parsed; override what a test cares about. */
export function runDetail(overrides: Partial<RunDetail> = {}): RunDetail {
  return {
    runId: 'run-1',
    aiCallId: 'call-1',
    status: 'pending',
    harness: 'codex',
    repoId: 'repo',
    branch: { base: 'main', working: 'mogplex/external/ab-cd', createBranch: true },
    createdAt: STARTED_AT,
    updatedAt: STARTED_AT,
    error: null,
    mode: null,
    terminalCommitSha: null,
    ...overrides,
  };
}

export function startedRun(overrides: Partial<StartedRun> = {}): StartedRun {
  return { ...runDetail(), replayed: false, ...overrides };
}

export function runEvent(overrides: Partial<RunEvent> = {}): RunEvent {
  return { id: 'e1', type: 'log', toolName: null, message: 'step', payload: null, createdAt: null, ...overrides };
}
