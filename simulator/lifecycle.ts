// The events the real server records for a run, with its exact types,
// messages and payload keys: lib/mogplex-api/runs-db.ts (accepted),
// app/api/sandbox/[id]/harness/route.ts (started, status_changed, install),
// _lib/setup.ts (git_sync), _lib/execution.ts (git_delivery, finished,
// failed), lib/mogplex-api/run-execution.ts (external failure) and
// app/api/observability/calls/[id]/cancel/route.ts (a cancel from the web app).
import type { JsonObject, LifecycleStep, SimRun } from './types.js';

export interface StepEvent {
  type: string;
  message: string;
  payload: JsonObject;
}

// The mogplex harness's package name is not in the code read; the simulator names it plainly.
const HARNESS_PACKAGE = { codex: '@openai/codex', 'claude-code': '@anthropic-ai/claude-code', mogplex: 'mogplex' } as const;

/** What `gh`/`git` print when the agent leaves untracked files (publishHarnessPullRequest's error). */
export function deliveryFailure(run: SimRun, fullName: string): string {
  const base = run.sync?.baseBranch ?? run.normalized.baseBranch;
  return [
    'The agent finished, but GitHub delivery failed: From https://github.com/' + fullName,
    ` * branch            ${base.padEnd(10)} -> FETCH_HEAD`,
    'Untracked files remain after the agent run; commit intended new files explicitly before delivery:',
    'scratch/notes.md',
    'coverage/lcov.info',
  ].join('\n');
}

/** The event the server appends at this step of `run`; sync/delivery must be set when the step needs them. */
export function stepEvent(step: LifecycleStep, run: SimRun, fullName: string): StepEvent {
  const command = run.runtimeCommandId;
  switch (step) {
    case 'accepted':
      return {
        type: 'started',
        message: 'External Mogplex run accepted',
        // The requested working branch, not the one the agent will use.
        payload: { external_run_id: run.id, harness_id: run.normalized.harness, working_branch: run.normalized.workingBranch },
      };
    case 'started':
      return {
        type: 'started',
        message: `Harness run started: ${run.normalized.harness}`,
        payload: { harness_id: run.normalized.harness, ai_billing_source: 'platform_ai_gateway' },
      };
    case 'git_sync': {
      const sync = required(run.sync, step);
      return {
        type: 'log',
        message: `Synchronized ${sync.workingBranch}`,
        payload: {
          stage: 'git_sync',
          base_branch: sync.baseBranch,
          working_branch: sync.workingBranch,
          created_branch: sync.createdBranch,
        },
      };
    }
    case 'streaming':
      return {
        type: 'status_changed',
        message: 'Harness run streaming',
        payload: { from: 'pending', to: 'streaming', runtime_command_id: command },
      };
    case 'installed':
      return {
        type: 'log',
        message: `Installed ${HARNESS_PACKAGE[run.normalized.harness]}`,
        payload: { stage: 'install', logs: '\nadded 1 package in 4s\n' },
      };
    case 'delivery': {
      const sync = required(run.sync, step);
      const delivery = required(run.delivery, step);
      return {
        type: 'log',
        message: delivery.pullRequestUrl ? 'Pull request ready' : 'No code changes to deliver',
        payload: {
          stage: 'git_delivery',
          changed: delivery.changed,
          pull_request_url: delivery.pullRequestUrl,
          base_branch: sync.baseBranch,
          working_branch: sync.workingBranch,
          auto_committed_files: delivery.autoCommittedFiles,
        },
      };
    }
    case 'finished':
      return { type: 'finished', message: 'Harness run finished', payload: { exit_code: 0, failure_code: null } };
    case 'agent_failed':
      return { type: 'failed', message: 'Harness run failed', payload: { exit_code: 1, failure_code: 'command_failed' } };
    case 'stream_failed':
      return { type: 'failed', message: 'Harness stream failed', payload: { error: deliveryFailure(run, fullName) } };
    case 'external_failed':
      return { type: 'failed', message: 'External Mogplex run failed', payload: { error: deliveryFailure(run, fullName) } };
    case 'web_cancel_requested':
      return { type: 'cancel_requested', message: 'Cancellation requested', payload: { runtime_command_id: command } };
    case 'web_cancelled':
      return { type: 'cancelled', message: 'Run cancelled', payload: { runtime_command_id: command } };
  }
}

function required<T>(value: T | null, step: LifecycleStep): T {
  if (value === null) throw new Error(`simulator: step ${step} before the git state it reports`);
  return value;
}
