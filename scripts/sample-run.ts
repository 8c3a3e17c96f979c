// The pull request both the demo and the summary picture show: a runner's view
// of one step on acme/web, against a simulator at `apiUrl`.
import { SIM_TOKEN } from '../simulator/server.js';
import type { RunActionOptions } from '../test/support/run-action.js';

export function samplePullRequestRun(apiUrl: string): RunActionOptions {
  return {
    eventName: 'pull_request',
    event: {
      pull_request: {
        number: 7,
        head: { ref: 'feature/bearer-auth', repo: { full_name: 'acme/web' } },
        base: { ref: 'main', repo: { full_name: 'acme/web' } },
      },
    },
    inputs: {
      token: SIM_TOKEN,
      'api-url': apiUrl,
      prompt: 'Refactor the auth module to use bearer tokens instead of cookies, and keep the tests green.',
      'create-branch': 'true',
    },
  };
}
