// What a run delivered, read from the events the server records around git
// (mogplex-api.md, "What a run delivers"). Only payloads are read, never
// messages, and every value passes the rule of the output it feeds.
import type { RunEvent } from '../api/schema.js';
import { branchProblem } from '../inputs/branches.js';
import type { RunReport } from './report.js';

export type DeliveryNews = (
  | /** `git_sync` (before the agent starts): the branch the agent works on. */ { kind: 'branch'; branch?: string }
  | /** `git_delivery`: whether the branch is ahead of its base, and the pull request holding it. */ {
      kind: 'delivered';
      branch?: string;
      aheadOfBase: boolean;
      pullRequestUrl: string | null;
    }
  | /** A `failed` event whose error says GitHub delivery failed. */ { kind: 'delivery-failed'; reason: string }
) & {
  /** Payload values that broke their output's rule and were left out (untrusted text, for a warning). */
  refused?: string[];
};

/** A pull request page, nothing else: the URL becomes an output, a notice and a link. */
const PULL_REQUEST_URL = /^https:\/\/([A-Za-z0-9.-]+(?::\d{1,5})?)\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/pull\/\d{1,10}$/;

/** Where a delivered pull request may be: which hosts, and the run's own repository. */
export interface PullRequestRule {
  hosts: readonly string[];
  /** `owner/name` of the repository the run worked on (compared without case). */
  repo: string;
}
const DELIVERY_FAILED = 'The agent finished, but GitHub delivery failed';

/**
 * A pull request page of the run's own repository on one of the rule's hosts
 * (github.com, where Mogplex delivers, and this workflow's GitHub). The URL
 * comes out of the sandbox the agent ran in: another host or repository (a
 * `gh pr merge` of a later step would act on it) would be a pull request the
 * agent chose, and a `.` or `..` part is a path trick.
 */
export function isPullRequestUrl(text: string, rule: PullRequestRule): boolean {
  const match = PULL_REQUEST_URL.exec(text);
  if (!match) return false;
  const [, host = '', owner = '', name = ''] = match;
  if ([owner, name].some((part) => part === '.' || part === '..')) return false;
  return rule.hosts.includes(host.toLowerCase()) && `${owner}/${name}`.toLowerCase() === rule.repo.toLowerCase();
}

function record(payload: unknown): Record<string, unknown> | undefined {
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
}

/** The hosts a delivered pull request may be on: github.com (Mogplex's GitHub App), and this workflow's GitHub server. */
export function pullRequestHosts(serverUrl: string): string[] {
  let server: string | undefined;
  try {
    server = new URL(serverUrl).host.toLowerCase();
  } catch {
    server = undefined;
  }
  return [...new Set(['github.com', ...(server ? [server] : [])])];
}

/** What an event says about delivery, or undefined when it says nothing; a pull request URL must pass `rule`. */
export function readDeliveryNews(event: RunEvent, rule: PullRequestRule): DeliveryNews | undefined {
  const payload = record(event.payload);
  if (payload === undefined) return undefined;
  if (event.type === 'failed') {
    const error = payload.error;
    return typeof error === 'string' && error.startsWith(DELIVERY_FAILED) ? { kind: 'delivery-failed', reason: error } : undefined;
  }
  if (payload.stage !== 'git_sync' && payload.stage !== 'git_delivery') return undefined;
  const refused: string[] = [];
  const rawBranch = payload.working_branch;
  let branch: string | undefined;
  if (typeof rawBranch === 'string') {
    if (branchProblem(rawBranch) === undefined) branch = rawBranch;
    else refused.push(`working_branch "${rawBranch}" (not a branch name Mogplex accepts)`);
  }
  const extra = {
    ...(branch !== undefined && { branch }),
    ...(refused.length > 0 && { refused }),
  };
  if (payload.stage === 'git_sync' || typeof payload.changed !== 'boolean') return { kind: 'branch', ...extra };
  const url = payload.pull_request_url;
  const pullRequestUrl = typeof url === 'string' && isPullRequestUrl(url, rule) ? url : null;
  if (typeof url === 'string' && url !== '' && pullRequestUrl === null) {
    refused.push(`pull_request_url "${url}" (not a pull request of ${rule.repo} on ${rule.hosts.join(' or ')})`);
  }
  return { kind: 'delivered', aheadOfBase: payload.changed, pullRequestUrl, ...extra, ...(refused.length > 0 && { refused }) };
}

/** Takes what an event said into the report. `changed` starts as the server's view; see confirmChanged. */
export function applyDeliveryNews(report: RunReport, news: DeliveryNews): void {
  if (news.kind === 'delivery-failed') {
    report.deliveryFailure = news.reason;
    return;
  }
  if (news.branch !== undefined) report.agentBranch = news.branch;
  if (news.kind === 'delivered') report.delivery = { pullRequestUrl: news.pullRequestUrl, changed: news.aheadOfBase };
}

/** How a surface writes a link and untrusted text (plain for the log, HTML for the summary, markdown for the comment). */
export interface DeliveryFormat {
  link(url: string): string;
  text(untrusted: string): string;
}

const PLAIN: DeliveryFormat = { link: (url) => url, text: (untrusted) => untrusted };

/** The result people look for at the end: the pull request, or a plain "no changes", or why delivery failed. */
export function describeDelivery(report: RunReport, format: DeliveryFormat = PLAIN): string | undefined {
  const { delivery } = report;
  if (delivery) {
    const url = delivery.pullRequestUrl;
    if (!delivery.changed) return url ? `No code changes (pull request: ${format.link(url)})` : 'No code changes';
    return url ? `Pull request: ${format.link(url)}` : `Code changes pushed to ${format.text(report.agentBranch ?? 'the working branch')}`;
  }
  return report.deliveryFailure ? `GitHub delivery failed: ${format.text(report.deliveryFailure)}` : undefined;
}
