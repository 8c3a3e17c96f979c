import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkflowContext } from '../../src/event/context.js';

function eventFile(payload: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json');
  writeFileSync(path, typeof payload === 'string' ? payload : JSON.stringify(payload));
  return path;
}

const pr = (head: string | null, base: string) => ({
  pull_request: {
    head: { ref: 'feature/x', sha: 'a'.repeat(40), repo: head === null ? null : { full_name: head } },
    base: { ref: 'main', repo: { full_name: base } },
  },
});

describe('readWorkflowContext', () => {
  it('reads the run, job and step from the environment', () => {
    expect(
      readWorkflowContext({
        GITHUB_EVENT_NAME: 'push',
        GITHUB_REPOSITORY: 'acme/web',
        GITHUB_RUN_ID: '1',
        GITHUB_RUN_ATTEMPT: '3',
        GITHUB_JOB: 'j',
        GITHUB_ACTION: 's',
      }),
    ).toEqual({
      eventName: 'push',
      repository: 'acme/web',
      runId: '1',
      runAttempt: '3',
      job: 'j',
      action: 's',
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      fromFork: false,
    });
  });

  it.each(['pull_request', 'pull_request_target'])('takes the head branch on %s', (eventName) => {
    const context = readWorkflowContext({ GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: eventFile(pr('acme/web', 'acme/web')) });
    expect(context).toMatchObject({
      pullRequestHeadRef: 'feature/x',
      pullRequestHeadSha: 'a'.repeat(40),
      pullRequestBaseRef: 'main',
      fromFork: false,
    });
  });

  it('tells a pull request from a fork', () => {
    expect(
      readWorkflowContext({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventFile(pr('someone/web', 'acme/web')) }).fromFork,
    ).toBe(true);
  });

  it('counts a pull request whose head repository is gone (a deleted fork) as a fork', () => {
    expect(readWorkflowContext({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventFile(pr(null, 'acme/web')) }).fromFork).toBe(
      true,
    );
  });

  it('ignores the payload on other events, and an unreadable one', () => {
    expect(readWorkflowContext({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: eventFile(pr('a/b', 'c/d')) })).not.toHaveProperty(
      'pullRequestHeadRef',
    );
    expect(readWorkflowContext({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventFile('{not json') }).fromFork).toBe(false);
  });

  it('reads the comment of a comment event, with the pull request it is on', () => {
    const context = readWorkflowContext({
      GITHUB_EVENT_NAME: 'pull_request_review',
      GITHUB_EVENT_PATH: eventFile({
        action: 'submitted',
        review: { id: 77, body: '@mogplex go', user: { login: 'renovate[bot]', type: 'User' } },
        pull_request: {
          number: 9,
          title: 'T',
          head: { ref: 'feat/a', repo: null },
          base: { ref: 'main', repo: { full_name: 'acme/web' } },
        },
      }),
    });
    expect(context.pullRequestNumber).toBe(9);
    expect(context.comment).toMatchObject({
      eventName: 'pull_request_review',
      action: 'submitted',
      id: 77,
      body: '@mogplex go',
      author: { login: 'renovate[bot]', isBot: true },
      thread: { number: 9, isPullRequest: true, refs: { headRef: 'feat/a', headRepo: null, baseRef: 'main', baseRepo: 'acme/web' } },
    });
  });

  it('has no comment when the payload lacks one, or on other events', () => {
    expect(
      readWorkflowContext({ GITHUB_EVENT_NAME: 'issue_comment', GITHUB_EVENT_PATH: eventFile({ issue: { number: 1 } }) }).comment,
    ).toBeUndefined();
    const comment = { action: 'created', issue: { number: 1 }, comment: { id: 2, body: 'x', user: { login: 'a' } } };
    expect(readWorkflowContext({ GITHUB_EVENT_NAME: 'issues', GITHUB_EVENT_PATH: eventFile(comment) }).comment).toBeUndefined();
    expect(readWorkflowContext({ GITHUB_EVENT_NAME: 'issue_comment', GITHUB_EVENT_PATH: eventFile(comment) }).comment).toMatchObject({
      thread: { number: 1, isPullRequest: false },
      author: { login: 'a', isBot: false },
    });
  });
});
