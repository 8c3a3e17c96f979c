// The pull request both the demo and the summary picture show: a runner's view
// of one step on acme/web, against a simulator at `apiUrl`.
import { SIM_TOKEN } from '../simulator/server.js';
import type { RunActionOptions } from '../test/support/run-action.js';
import { pullRequestEvent } from '../test/support/pull-request.js';

export function samplePullRequestRun(apiUrl: string): RunActionOptions {
  return {
    ...pullRequestEvent({ headRef: 'feature/bearer-auth' }),
    inputs: {
      token: SIM_TOKEN,
      'api-url': apiUrl,
      prompt: 'Refactor the auth module to use bearer tokens instead of cookies, and keep the tests green.',
      'create-branch': 'true',
    },
  };
}
