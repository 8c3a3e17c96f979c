// The repositories' branches and pull requests, and what the sandbox does
// with them: branch sync before the agent (lib/sandbox/agent-git-sync.ts,
// syncHarnessGitWorkspace) and delivery after it (publishHarnessPullRequest in
// lib/harness/git-delivery.ts). State changes as runs push branches and open
// pull requests, so a later run on the same branch finds them.
import type { DeliveryResult, PullRequestRecord, RepoGitState, SyncResult } from './types.js';

/** buildHarnessWorkingBranch: the branch the agent gets when none is usable. */
export function agentBranch(aiCallId: string): string {
  return `mogplex/agent-${aiCallId.replace(/-/g, '').slice(0, 12)}`;
}

export function pullRequestUrl(fullName: string, number: number): string {
  return `https://github.com/${fullName}/pull/${number}`;
}

export interface SyncInput {
  aiCallId: string;
  baseBranch: string;
  /** The run's recorded working branch (the base branch when none was asked for). */
  workingBranch: string;
  /** createBranch runs had their branch made when the sandbox launched. */
  createBranch: boolean;
}

export class RepoGit {
  /** Branch -> whether it carries commits of its own (is ahead of a base). */
  private readonly branches = new Map<string, boolean>();
  private readonly pulls: PullRequestRecord[];
  private nextNumber: number;

  constructor(
    readonly fullName: string,
    defaultBranch: string,
    state: RepoGitState = { branches: [defaultBranch], pullRequests: [] },
  ) {
    // Seeded branches other than the default one are taken to hold work.
    for (const name of [defaultBranch, ...state.branches]) this.branches.set(name, name !== defaultBranch);
    this.pulls = state.pullRequests.map((p) => ({ ...p }));
    this.nextNumber = Math.max(0, ...this.pulls.map((p) => p.number)) + 1;
  }

  hasBranch(name: string): boolean {
    return this.branches.has(name);
  }

  pullRequests(): PullRequestRecord[] {
    return this.pulls.map((p) => ({ ...p }));
  }

  /**
   * The agent works on the requested branch when it exists and its latest pull
   * request is not merged or closed; otherwise (and always when working = base)
   * on a fresh `mogplex/agent-<id>` from the base, pushed at once.
   */
  sync(input: SyncInput): SyncResult {
    const fallback = agentBranch(input.aiCallId);
    const initial = input.workingBranch === input.baseBranch ? fallback : input.workingBranch;
    let branch = initial;
    if (initial !== fallback) {
      const latest = this.latestPull(initial);
      const exists = this.branches.has(initial) || input.createBranch;
      if ((latest && latest.state !== 'open') || !exists) branch = fallback;
    }
    if (!this.branches.has(branch)) this.branches.set(branch, false);
    return { baseBranch: input.baseBranch, workingBranch: branch, createdBranch: branch !== input.workingBranch };
  }

  /**
   * Pushes the branch; when it is ahead of the base, finds the open pull
   * request from it into the base or opens one. `changed` is "ahead of the
   * base", so an existing pull request's branch reports true even when this
   * run added nothing.
   */
  deliver(sync: SyncResult, committed: boolean): DeliveryResult {
    if (committed) this.branches.set(sync.workingBranch, true);
    const ahead = sync.workingBranch !== sync.baseBranch && this.branches.get(sync.workingBranch) === true;
    if (!ahead) return { changed: false, pullRequestUrl: null, autoCommittedFiles: [] };
    let pull = this.pulls.find((p) => p.head === sync.workingBranch && p.base === sync.baseBranch && p.state === 'open');
    if (!pull) {
      pull = { number: this.nextNumber, head: sync.workingBranch, base: sync.baseBranch, state: 'open' };
      this.nextNumber += 1;
      this.pulls.push(pull);
    }
    return { changed: true, pullRequestUrl: pullRequestUrl(this.fullName, pull.number), autoCommittedFiles: [] };
  }

  /** `gh pr list --head <branch> --state all --limit 1`: the newest. */
  private latestPull(head: string): PullRequestRecord | undefined {
    return this.pulls.filter((p) => p.head === head).sort((a, b) => b.number - a.number)[0];
  }
}
