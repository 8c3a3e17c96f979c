// The pull_request event a runner hands a step: the event name and the payload
// fields the action reads (number, head branch and repository, base repository).
import type { RunActionOptions } from './run-action.js';

export function pullRequestEvent(options: {
  headRef: string;
  number?: number;
  headRepo?: string;
  baseRepo?: string;
}): Pick<RunActionOptions, 'eventName' | 'event'> {
  const base = options.baseRepo ?? 'acme/web';
  return {
    eventName: 'pull_request',
    event: {
      pull_request: {
        number: options.number ?? 7,
        head: { ref: options.headRef, repo: { full_name: options.headRepo ?? base } },
        base: { ref: 'main', repo: { full_name: base } },
      },
    },
  };
}
