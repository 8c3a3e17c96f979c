/** Names of the values the main step hands to the post step through GITHUB_STATE. */
export const STATE = {
  isPost: 'isPost',
  apiUrl: 'apiUrl',
  runId: 'runId',
  /** Set when `runId` is an automation job: it is cancelled through its automation's route. */
  automationId: 'automationId',
  /**
   * The start request's Idempotency-Key, and the file (under RUNNER_TEMP) and
   * hash of its body, saved before it is sent: a run may exist before its id
   * is known. The body itself is not state: a large one would stop the post step.
   */
  startKey: 'startKey',
  startBodyFile: 'startBodyFile',
  startBodySha256: 'startBodySha256',
  /** Set when the post step has nothing to do: the run ended, or was deliberately left going. */
  done: 'done',
} as const;
