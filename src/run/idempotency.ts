import { createHash } from 'node:crypto';
import type { WorkflowContext } from '../event/context.js';

/**
 * The Idempotency-Key for POST /runs, derived from the workflow run.
 * The run attempt is left out on purpose: re-running a workflow replays the
 * run it already started instead of starting a second agent. Repository, run,
 * job, step and the request body are in, so two steps, jobs or matrix legs
 * that ask for different things never share a key (which would be a 409).
 * In comment mode the triggering comment is in too: each ask is its own run.
 * `request` is the start's body, or an automation trigger's automation, repo and input.
 */
export function deriveIdempotencyKey(context: WorkflowContext, request: object): string {
  const hash = createHash('sha256')
    .update(
      JSON.stringify([
        context.repository,
        context.runId,
        context.job,
        context.action,
        request,
        ...(context.comment ? [`${context.comment.eventName}:${context.comment.id}`] : []),
      ]),
    )
    .digest('hex');
  return `gha-${context.runId || 'local'}-${hash.slice(0, 48)}`.slice(0, 200);
}
