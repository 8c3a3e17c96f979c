// Which branches a run asks for: the inputs, checked with the server's rules,
// and the defaults a pull request event gives.
import type { WorkflowContext } from '../event/context.js';
import { InputError } from './input-error.js';

/**
 * The server's branch rules (git ref rules, then its own alphabet;
 * mogplex-api.md) and what `git check-ref-format --branch` refuses besides (a
 * leading `-`, which a script would read as an option; a part starting with
 * `.` or ending in `.lock`); returns what is wrong, or undefined.
 */
export function branchProblem(name: string): string | undefined {
  if (name === 'HEAD' || name === '@') return 'is reserved by git';
  if (name.startsWith('-')) return 'must not start with `-` (git refuses it; a command line would take it for an option)';
  if (/[\s\u0000-\u001f\u007f]/.test(name)) return 'must not contain spaces or control characters';
  if (name.includes('..')) return 'must not contain `..`';
  if (name.includes('//')) return 'must not contain `//`';
  if (name.includes('@{')) return 'must not contain `@{`';
  if (/[~^:?*[\\]/.test(name)) return 'must not contain any of ~ ^ : ? * [ \\';
  if (name.startsWith('/') || name.endsWith('/')) return 'must not start or end with `/`';
  if (name.endsWith('.') || name.endsWith('.lock')) return 'must not end with `.` or `.lock`';
  if (/(^|\/)\./.test(name) || /\.lock\//.test(name))
    return 'must not have a part that starts with `.` or ends with `.lock` (git refuses it)';
  if (!/^[A-Za-z0-9_./-]+$/.test(name)) return 'may hold only ASCII letters, digits and `_ . / -` (Mogplex refuses other characters)';
  return undefined;
}

function checked(input: string, name: string, origin = ''): string {
  const problem = branchProblem(name);
  if (problem) throw new InputError(input, `"${name}"${origin} is not a branch name Mogplex accepts: it ${problem}.`);
  return name;
}

export interface BranchInputs {
  base: string;
  working: string;
  createBranch: boolean;
}

export interface Branches {
  baseBranch?: string;
  workingBranch?: string;
  /** Set when the agent works on the pull request's own branch: the head the event named. */
  pullRequestHead?: { branch: string; sha: string };
}

/**
 * Explicit inputs win. On a pull request from this repository the agent works
 * on the pull request's own branch (its commits land on the pull request)
 * and delivery targets the branch the pull request targets. A branch of a
 * fork is not in this repository, so a fork's pull request gives no default;
 * nor does any pull request when `repo` is another repository (`targetsEvent`
 * false): a branch of the same name there is someone else's.
 */
export function chooseBranches(inputs: BranchInputs, context: WorkflowContext, targetsEvent = true): Branches {
  const base = inputs.base === '' ? undefined : checked('base-branch', inputs.base);
  const working = inputs.working === '' ? undefined : checked('working-branch', inputs.working);
  const head = context.pullRequestHeadRef;
  if (head === undefined) return { ...(base && { baseBranch: base }), ...(working && { workingBranch: working }) };
  if (!targetsEvent) {
    if (base === undefined) {
      throw new InputError(
        'base-branch',
        `is needed: \`repo\` is not ${context.repository || 'the repository of this event'} (or is a repo id), so this pull request's branches say nothing about it ` +
          `(a branch named "${head}" there would be someone else's). Set \`base-branch\` to a branch of the target repository, or set \`repo\` to ${context.repository || 'this repository'} as owner/name.`,
      );
    }
    return { baseBranch: base, ...(working && { workingBranch: working }) };
  }
  if (context.fromFork) {
    if (base === undefined) {
      throw new InputError(
        'base-branch',
        `is needed: this pull request comes from a fork, and its branch "${head}" is in the fork, not in ${context.repository || 'this repository'}, ` +
          "where Mogplex looks branches up (a branch of the same name here would be someone else's code). " +
          'Set `base-branch` to a branch of this repository, e.g. `${{ github.base_ref }}`; the agent then opens a pull request into it.',
      );
    }
    return { baseBranch: base, ...(working && { workingBranch: working }) };
  }
  const origin = ` (the pull request's head branch, the default of \`working-branch\` on ${context.eventName})`;
  if (!inputs.createBranch && (working === undefined || working === head)) {
    const target = context.pullRequestBaseRef;
    const sha = context.pullRequestHeadSha;
    return {
      workingBranch: checked('working-branch', head, origin),
      ...((base ?? target) !== undefined && { baseBranch: checked('base-branch', base ?? target ?? '') }),
      ...(sha !== undefined && { pullRequestHead: { branch: head, sha } }),
    };
  }
  // A branch of its own: start from the pull request's code.
  const from = base ?? checked('base-branch', head, ` (the pull request's head branch, the default of \`base-branch\` here)`);
  return { baseBranch: from, ...(working && { workingBranch: working }) };
}
