// The comment events a runner hands a step in comment mode: issue_comment on an
// issue or a pull request, with the payload fields the action reads.
import type { RunActionOptions } from './run-action.js';

export function issueCommentEvent(options: {
  body: string;
  login?: string;
  type?: 'User' | 'Bot';
  number?: number;
  commentId?: number;
  onPullRequest?: boolean;
  action?: string;
}): Pick<RunActionOptions, 'eventName' | 'event'> {
  const number = options.number ?? 7;
  return {
    eventName: 'issue_comment',
    event: {
      action: options.action ?? 'created',
      issue: {
        number,
        title: 'Login fails on Safari',
        body: 'Open /login in Safari: the button does nothing.',
        user: { login: 'reporter', type: 'User' },
        ...(options.onPullRequest && { pull_request: { url: `https://api.github.com/repos/acme/web/pulls/${number}` } }),
      },
      comment: {
        id: options.commentId ?? 321,
        body: options.body,
        user: { login: options.login ?? 'maintainer', type: options.type ?? 'User' },
      },
      repository: { full_name: 'acme/web' },
      sender: { login: options.login ?? 'maintainer', type: options.type ?? 'User' },
    },
  };
}
