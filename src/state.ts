/** Names of the values the main step hands to the post step through GITHUB_STATE. */
export const STATE = {
  isPost: 'isPost',
  apiUrl: 'apiUrl',
  runId: 'runId',
  /** Set when the post step has nothing to do: the run ended, or was deliberately left going. */
  done: 'done',
} as const;
