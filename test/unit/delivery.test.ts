import { describe, expect, it } from 'vitest';
import { applyDeliveryNews, describeDelivery, pullRequestHosts, readDeliveryNews } from '../../src/report/delivery.js';
import { renderComment } from '../../src/github/comment-body.js';
import type { WorkflowContext } from '../../src/event/context.js';
import { outputsOf } from '../../src/report/outputs.js';
import { newReport, recordEvent, type RunReport } from '../../src/report/report.js';
import { renderSummary } from '../../src/report/summary.js';
import { runEvent, startedRun } from './fixtures.js';

const PR = 'https://github.com/acme/web/pull/43';
const HOSTS = { hosts: pullRequestHosts('https://github.com'), repo: 'acme/web' };
const sync = runEvent({
  id: 's',
  message: 'Synchronized mogplex/agent-0123456789ab',
  payload: { stage: 'git_sync', base_branch: 'main', working_branch: 'mogplex/agent-0123456789ab', created_branch: true },
});
const delivered = (changed: boolean, url: string | null) =>
  runEvent({
    id: 'd',
    message: url ? 'Pull request ready' : 'No code changes to deliver',
    payload: {
      stage: 'git_delivery',
      changed,
      pull_request_url: url,
      base_branch: 'main',
      working_branch: 'mogplex/agent-0123456789ab',
      auto_committed_files: [],
    },
  });
const deliveryFailed = runEvent({
  id: 'f',
  type: 'failed',
  message: 'Harness stream failed',
  payload: { error: 'The agent finished, but GitHub delivery failed: Untracked files remain after the agent run\nscratch.txt' },
});

/** A report fed with events, as main's follower feeds it. */
function reportOf(events: ReturnType<typeof runEvent>[], status = 'success'): RunReport {
  const report = newReport(startedRun({ branch: { base: 'main', working: 'main', createBranch: false } }), 'acme/web');
  for (const event of events) {
    recordEvent(report, event);
    const news = readDeliveryNews(event, HOSTS);
    if (news) applyDeliveryNews(report, news);
  }
  report.run = { ...report.run, status, ...(status === 'failed' && { error: 'The agent finished, but GitHub delivery failed: ...' }) };
  report.outcome = status === 'success' ? 'success' : 'failed';
  return report;
}

const context: WorkflowContext = {
  eventName: 'pull_request',
  repository: 'acme/web',
  runId: '1',
  runAttempt: '1',
  job: 'j',
  action: 's',
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com',
  fromFork: false,
};

describe('readDeliveryNews', () => {
  it('reads the payload, never the message', () => {
    expect(readDeliveryNews({ ...delivered(true, PR), message: 'No code changes to deliver' }, HOSTS)).toEqual({
      kind: 'delivered',
      branch: 'mogplex/agent-0123456789ab',
      aheadOfBase: true,
      pullRequestUrl: PR,
    });
    expect(readDeliveryNews(runEvent({ message: 'Pull request ready', payload: null }), HOSTS)).toBeUndefined();
    expect(readDeliveryNews(runEvent({ type: 'failed', payload: { error: 'Agent exited 1' } }), HOSTS)).toBeUndefined();
  });

  it('leaves out a URL that is not a pull request page, or a branch Mogplex would refuse, and says so', () => {
    for (const url of [
      'https://evil.example/login',
      'javascript:alert(1)',
      `${PR}?x=1`,
      `${PR}\n::error::x`,
      'http://github.com/a/b/pull/1',
      // The URL comes out of the agent's sandbox: a pull request page on another host is the agent's link.
      'https://evil.example/acme/web/pull/43',
      'https://github.com.evil.example/acme/web/pull/43',
      // Another repository (an attacker's, or another of the org's), or a path trick.
      'https://github.com/attacker/phish/pull/1',
      'https://github.com/acme/infra/pull/43',
      'https://github.com/../../pull/1',
      'https://github.com/acme/./pull/1',
    ]) {
      const news = readDeliveryNews(
        {
          ...delivered(true, url),
          payload: { stage: 'git_delivery', changed: true, pull_request_url: url, working_branch: 'a b' },
        },
        HOSTS,
      );
      expect(news).toMatchObject({ kind: 'delivered', pullRequestUrl: null });
      expect(news).not.toHaveProperty('branch');
      expect(news?.refused).toHaveLength(2);
    }
  });
});

describe('pullRequestHosts', () => {
  it("is github.com and this workflow's GitHub server", () => {
    expect(pullRequestHosts('https://github.com')).toEqual(['github.com']);
    expect(pullRequestHosts('https://GHE.acme.example')).toEqual(['github.com', 'ghe.acme.example']);
    expect(pullRequestHosts('not a url')).toEqual(['github.com']);
  });

  it("accepts a pull request on the workflow's GitHub Enterprise Server", () => {
    const url = 'https://ghe.acme.example/acme/web/pull/7';
    const event = { ...delivered(true, url), payload: { stage: 'git_delivery', changed: true, pull_request_url: url } };
    expect(readDeliveryNews(event, { hosts: pullRequestHosts('https://ghe.acme.example'), repo: 'ACME/Web' })).toMatchObject({
      pullRequestUrl: url,
    });
    expect(readDeliveryNews(event, HOSTS)).toMatchObject({ pullRequestUrl: null });
  });
});

describe('what the run delivered, everywhere it shows', () => {
  it('a pull request: outputs, log text, summary link and comment link', () => {
    const report = reportOf([sync, delivered(true, PR)]);
    expect(outputsOf(report).values).toMatchObject({
      'pull-request-url': PR,
      changed: 'true',
      'working-branch': 'mogplex/agent-0123456789ab',
      'base-branch': 'main',
    });
    expect(describeDelivery(report)).toBe(`Pull request: ${PR}`);
    expect(renderSummary(report)).toMatch(new RegExp(`<th align="left">Result</th><td>Pull request: <a href="${PR}">`));
    expect(renderComment(report, { marker: '<!-- m -->', prompt: 'p', context })).toContain(`| **Result** | Pull request: [`);
    expect(renderComment(report, { marker: '<!-- m -->', prompt: 'p', context })).toContain(`](${PR}) |`);
  });

  it('no changes', () => {
    const report = reportOf([sync, delivered(false, null)]);
    expect(outputsOf(report).values).toMatchObject({ 'pull-request-url': '', changed: 'false' });
    expect(describeDelivery(report)).toBe('No code changes');
    expect(renderSummary(report)).toContain('<th align="left">Result</th><td>No code changes</td>');
  });

  it('delivery failed: the reason, escaped, and no delivery outputs', () => {
    const report = reportOf([sync, deliveryFailed], 'failed');
    expect(outputsOf(report).values).toMatchObject({ 'pull-request-url': '', changed: '', 'working-branch': 'mogplex/agent-0123456789ab' });
    expect(describeDelivery(report)).toMatch(/^GitHub delivery failed: The agent finished, but GitHub delivery failed: Untracked files/);
    expect(renderSummary(report)).toContain('GitHub delivery failed: The agent finished, but GitHub delivery failed&#58; Untracked files');
  });

  it('failed before delivery: nothing delivered, the requested branch', () => {
    const report = reportOf([], 'failed');
    expect(outputsOf(report).values).toMatchObject({ 'pull-request-url': '', changed: '', 'working-branch': 'main' });
    expect(describeDelivery(report)).toBeUndefined();
    expect(renderSummary(report)).toContain('<th align="left">Result</th><td>Not delivered</td>');
  });
});
