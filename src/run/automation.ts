// Triggering a Mogplex automation instead of starting a run (mogplex-api.md
// section 8): the way a key limited to automations starts work. The trigger
// answers 202 even when nothing runs, so its outcome is read, not assumed.
import * as core from '@actions/core';
import type { MogplexClient } from '../api/client.js';
import type { RunDetail } from '../api/schema.js';
import type { WorkflowContext } from '../event/context.js';
import { readAutomationInput, type Settings } from '../inputs/settings.js';
import { STATE } from '../plumbing/state.js';
import { inline } from '../plumbing/sanitize.js';
import { newReport, type RunReport } from '../report/report.js';
import type { Cancellation } from './cancellation.js';
import { deriveIdempotencyKey } from './idempotency.js';
import { resolveRepo } from './repo.js';

/** The trigger started nothing (`suppressed`): why, as the server said. */
export class AutomationSuppressed extends Error {
  override name = 'AutomationSuppressed';
}

/** Triggers the automation for the repository; the job is reported like a run from here. */
export async function triggerAutomation(
  settings: Settings & { automation: NonNullable<Settings['automation']> },
  context: WorkflowContext,
  client: MogplexClient,
  cancel: Cancellation,
): Promise<{ report: RunReport; key: string }> {
  const input = await readAutomationInput(settings.automation.inputText);
  const repo = await resolveRepo(client, settings.repo, cancel.signal);
  cancel.signal.throwIfAborted();
  const body = JSON.stringify({ repoId: repo.id, input });
  // The server compares only the input under a key: the repository and the automation go into the key.
  const key = settings.idempotencyKey ?? deriveIdempotencyKey(context, { automationId: settings.automation.id, repoId: repo.id, input });
  const triggered = await client.triggerAutomation(settings.automation.id, body, key, cancel.hurry);
  if (triggered.outcome === 'suppressed' || triggered.jobRunId === null) {
    core.saveState(STATE.done, 'true');
    throw new AutomationSuppressed(
      `Mogplex started nothing for automation ${settings.automation.id} (outcome ${inline(triggered.outcome, 40)}): ${inline(triggered.reason ?? 'no reason given', 300)}.`,
    );
  }
  core.saveState(STATE.automationId, settings.automation.id);
  core.saveState(STATE.runId, triggered.jobRunId);
  core.setOutput('run-id', triggered.jobRunId);
  core.setOutput('triggered', 'true');
  if (triggered.reason === 'INSTALLATION_CONCURRENCY_LIMIT') {
    core.info(
      `Automation job ${triggered.jobRunId} is queued: the installation runs at most 8 jobs at once; it starts by itself when one ends.`,
    );
  }
  const now = new Date().toISOString();
  const run: RunDetail = {
    runId: triggered.jobRunId,
    aiCallId: null,
    status: 'pending',
    harness: 'automation',
    repoId: repo.id,
    branch: { base: null, working: triggered.workingBranch, createBranch: true },
    createdAt: now,
    updatedAt: now,
    error: null,
    mode: null,
    terminalCommitSha: null,
  };
  const report = newReport({ ...run, replayed: triggered.replayed }, repo.name);
  report.automation = { id: settings.automation.id };
  return { report, key };
}
