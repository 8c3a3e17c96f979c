// Comment mode: a comment (or review) that addresses the agent with the
// trigger phrase starts a run, if its author may write to the repository.
// Everything here happens before any Mogplex request. What it hands back is
// "not triggered" (already said in the log, and answered on GitHub where that
// helps), or a CommentRun: how the run's settings change, and where it reports.
import * as core from '@actions/core';
import { commentApi, type CommentApi, type Reaction } from './comment-api.js';
import { commentMarker, type CommentView, type Notice } from './comment-body.js';
import { isFork, type CommentEvent, type PullRequestRefs } from '../event/comment-event.js';
import { composePrompt } from './comment-prompt.js';
import type { WorkflowContext } from '../event/context.js';
import { githubErrorText, type GitHubClientOptions } from './octokit.js';
import { authorize, parseAllowedBots } from './permission.js';
import { TrackingComment, type CommentRole } from './tracking-comment.js';
import { matchTrigger } from './trigger-phrase.js';
import { InputError } from '../inputs/input-error.js';
import { MAX_PROMPT_CHARS, targetsEventRepository, type GetInput, type Settings } from '../inputs/settings.js';
import type { RunReport } from '../report/report.js';
import { inline } from '../plumbing/sanitize.js';

export const DEFAULT_TRIGGER_PHRASE = '@mogplex';
const MAX_PHRASE = 100;

const ROLE: CommentRole = { label: 'comment trigger', noun: 'tracking comment', permission: 'issues: write` and `pull-requests: write' };

export type CommentTrigger =
  /** Nothing started: `reason` is what the log said; `error` fails the step. */
  { triggered: false; reason: string; error?: string } | { triggered: true; run: CommentRun };

export interface CommentTriggerOptions extends GitHubClientOptions {
  context: WorkflowContext;
  getInput: GetInput;
  onSecret?: (secret: string) => void;
  /** For tests: the GitHub calls (default: @actions/github's Octokit). */
  api?: CommentApi;
}

function readPhrase(raw: string): string {
  const phrase = raw.trim() || DEFAULT_TRIGGER_PHRASE;
  if (phrase.length > MAX_PHRASE || /\s/.test(phrase)) {
    throw new InputError('trigger-phrase', `must be one word of at most ${MAX_PHRASE} characters without spaces, such as \`@mogplex\`.`);
  }
  return phrase;
}

function urls(context: WorkflowContext, event: CommentEvent): { thread: string; comment: string } {
  const { thread } = event;
  const base = `${context.serverUrl}/${context.repository}/${thread.isPullRequest ? 'pull' : 'issues'}/${thread.number}`;
  if (event.handoff) return { thread: base, comment: base };
  const anchor =
    event.eventName === 'issue_comment'
      ? `issuecomment-${event.id}`
      : event.eventName === 'pull_request_review_comment'
        ? `discussion_r${event.id}`
        : `pullrequestreview-${event.id}`;
  return { thread: base, comment: `${base}#${anchor}` };
}

/** A started comment-mode run: its settings, its tracking comment, its reactions. */
export class CommentRun {
  private reacted = false;

  constructor(
    private readonly event: CommentEvent,
    private readonly api: CommentApi,
    readonly comment: TrackingComment | undefined,
    private readonly task: string,
    private readonly refs: PullRequestRefs | undefined,
    private readonly token: string,
    private readonly links: { thread: string; comment: string },
    /** `remove-label`: take the hand-over label off when the run ends. */
    private readonly removeLabel = false,
  ) {}

  /**
   * The workflow context as the run sees it: on a pull request, its branches
   * (from the event, or `GET /pulls/{n}` for issue_comment), so the inputs get
   * the same branch defaults as on a pull_request event (working = head,
   * base = its target; the head before the run tells whether it added commits).
   */
  context(base: WorkflowContext): WorkflowContext {
    const refs = this.refs;
    if (!refs) return base;
    return {
      ...base,
      pullRequestNumber: this.event.thread.number,
      pullRequestHeadRef: refs.headRef,
      pullRequestBaseRef: refs.baseRef,
      ...(refs.headSha !== undefined && { pullRequestHeadSha: refs.headSha }),
      // Forks were refused before a CommentRun was made.
      fromFork: false,
    };
  }

  /** The run's settings: the standing instructions and the comment's task composed into the prompt. Throws InputError. */
  apply(settings: Settings, context: WorkflowContext): Settings {
    // The permission checked is the commenter's on this repository: the agent may push only here.
    if (!targetsEventRepository(settings.repo, context)) {
      throw new InputError(
        'repo',
        `must be ${context.repository} (owner/name) in comment mode: the commenter's write access was checked on ${context.repository}, not on the repository \`repo\` names.`,
      );
    }
    const prompt = composePrompt(
      {
        standing: settings.prompt,
        task: this.task,
        event: this.event,
        repository: context.repository,
        threadUrl: this.links.thread,
        commentUrl: this.links.comment,
      },
      MAX_PROMPT_CHARS,
    );
    if (prompt === undefined) {
      throw new InputError(
        'prompt',
        `together with the comment's task it is longer than the ${MAX_PROMPT_CHARS} characters Mogplex accepts; shorten the standing instructions.`,
      );
    }
    return { ...settings, prompt, githubToken: this.token, commentOnPr: false };
  }

  /** Keeps the tracking comment up to date; once the run has ended, the final reaction. */
  async publish(report: RunReport): Promise<void> {
    await this.comment?.publish(report);
    if (report.outcome === undefined || report.outcome === 'started' || this.reacted) return;
    this.reacted = true;
    await react(this.api, this.event, report.outcome === 'success' ? 'rocket' : 'confused');
    if (this.removeLabel && this.event.handoff?.kind === 'label') {
      try {
        await this.api.removeLabel(this.event.thread.number, this.event.handoff.name);
      } catch (error) {
        core.warning(`label trigger: could not remove the label "${inline(this.event.handoff.name, 100)}": ${githubErrorText(error)}.`);
      }
    }
  }

  /** The step failed before the run started (a bad input, a refused start): say so where the ask was. */
  async fail(message: string): Promise<void> {
    await this.comment?.publishNotice({ headline: '❌ Mogplex run not started', message });
    await react(this.api, this.event, 'confused');
  }
}

async function react(api: CommentApi, event: CommentEvent, content: Reaction): Promise<void> {
  try {
    await api.react(event, content);
  } catch (error) {
    core.warning(`comment trigger: could not add the ${content} reaction to the comment: ${githubErrorText(error)}.`);
  }
}

function notTriggered(reason: string, log: (message: string) => void): CommentTrigger {
  log(reason);
  return { triggered: false, reason };
}

/** Decides whether this comment starts a run; before any Mogplex request. */
export async function commentTrigger(options: CommentTriggerOptions): Promise<CommentTrigger> {
  const { context, getInput } = options;
  const event = context.comment;
  const info = (message: string) => core.info(message);
  if (!event) return notTriggered(`comment trigger: this ${context.eventName} event carries no comment; nothing to do.`, info);
  if (event.action !== 'created' && event.action !== 'submitted') {
    return notTriggered(
      `comment trigger: only new comments start runs (this one was ${inline(event.action, 20) || 'not created'}); nothing to do.`,
      info,
    );
  }
  let phrase: string;
  let token: string;
  try {
    phrase = readPhrase(getInput('trigger-phrase'));
    const match = await matchTrigger(event.body, phrase);
    if (!match.found) return notTriggered(`comment trigger: no ${phrase} in this comment; nothing to do (triggered=false).`, info);
    token = getInput('github-token').trim();
    if (token === '')
      throw new InputError(
        'github-token',
        'is empty; comment mode needs it to check who asked and to reply. Leave it at its default `${{ github.token }}`.',
      );
    options.onSecret?.(token);
    return await triggered(options, event, { task: match.task, phrase, token });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { triggered: false, reason: error.message, error: error.message };
  }
}

async function triggered(
  options: CommentTriggerOptions,
  event: CommentEvent,
  { task, phrase, token, removeLabel = false }: { task: string; phrase: string; token: string; removeLabel?: boolean },
): Promise<CommentTrigger> {
  const { context } = options;
  const who = inline(event.author.login, 60);
  let api: CommentApi;
  try {
    api = options.api ?? (await commentApi(context, token, options));
  } catch (error) {
    return notTriggered(
      `comment trigger: ${who}'s request was refused: the GitHub client could not load (${githubErrorText(error)}).`,
      (m) => core.warning(m),
    );
  }
  const allowed = await authorize(event.author, parseAllowedBots(options.getInput('allowed-bots')), (login) => api.permission(login));
  // Refused: no comment, no reaction (the action cannot be used to spam), one warning.
  if (!allowed.allowed)
    return notTriggered(`comment trigger: ${who} may not start a Mogplex run: ${allowed.why}. Nothing was started.`, (m) =>
      core.warning(m),
    );
  core.info(`comment trigger: ${who} asked for a Mogplex run (${allowed.why}).`);
  const links = urls(context, event);
  const view: CommentView = {
    // Keyed with the Mogplex token (read again in the settings, which come later), so no one else can compute it.
    marker: commentMarker(
      context,
      `comment-${event.eventName}-${event.id}`,
      options.getInput('token').trim() || (process.env.MOGPLEX_TOKEN ?? '').trim(),
    ),
    prompt: task,
    context,
    trigger: { login: event.author.login, commentUrl: links.comment },
  };
  const comment = await TrackingComment.on({ ...options, context, token, view, issueNumber: event.thread.number, role: ROLE });
  await react(api, event, 'eyes');
  let refs: PullRequestRefs | undefined;
  if (event.thread.isPullRequest) {
    try {
      refs = event.thread.refs ?? (await api.pullRequestRefs(event.thread.number));
    } catch (error) {
      const message = `Could not read pull request #${event.thread.number} to find its branches: ${githubErrorText(error)}.`;
      await new CommentRun(event, api, comment, task, undefined, token, links).fail(message);
      return { triggered: false, reason: message, error: message };
    }
  }
  const refuse = async (notice: Notice): Promise<CommentTrigger> => {
    const message = notice.message;
    core.warning(`comment trigger: ${message}`);
    await comment?.publishNotice(notice);
    await react(api, event, 'confused');
    return { triggered: false, reason: message };
  };
  if (refs && isFork(refs)) {
    return refuse({
      headline: '🚫 Mogplex run not started: this pull request comes from a fork',
      message:
        "The agent pushes its commits to the pull request's branch, and that branch lives in the fork, where this repository's agent cannot push. " +
        'Nothing was started. Ask for the change on an issue instead, or push the branch to this repository and open the pull request from there.',
    });
  }
  if (task === '') {
    return refuse({
      headline: '❓ What should Mogplex do?',
      message: 'The comment calls the agent but gives no task, so nothing was started. Write the task after the trigger phrase.',
      example: `${phrase} fix the failing test`,
    });
  }
  return { triggered: true, run: new CommentRun(event, api, comment, task, refs, token, links, removeLabel) };
}

/**
 * Label and assignee triggers: an issue or pull request labelled `trigger-label`
 * (any case) or assigned to `trigger-assignee` is handed to the agent, under the
 * rules of comment mode (the sender's write access, bots only when allowed,
 * forks refused, the tracking comment). Undefined when neither input is set;
 * any other label or assignee exits quietly, with no request.
 */
export async function handoffTrigger(options: CommentTriggerOptions): Promise<CommentTrigger | undefined> {
  const { context, getInput } = options;
  const label = getInput('trigger-label').trim();
  const assignee = getInput('trigger-assignee').trim();
  if (label === '' && assignee === '') return undefined;
  const info = (message: string) => core.info(message);
  const event = context.handoff;
  const wanted = event?.handoff?.kind === 'label' ? label : assignee;
  if (!event?.handoff || wanted === '' || event.handoff.name.toLowerCase() !== wanted.toLowerCase()) {
    return notTriggered(
      `hand-off trigger: this ${context.eventName} event is not ${[label && `the label "${label}"`, assignee && `an assignment to ${assignee}`].filter(Boolean).join(' or ')}; nothing to do (triggered=false).`,
      info,
    );
  }
  try {
    const token = getInput('github-token').trim();
    if (token === '') {
      throw new InputError(
        'github-token',
        'is empty; the label and assignee triggers need it to check who asked and to reply. Leave it at its default `${{ github.token }}`.',
      );
    }
    options.onSecret?.(token);
    const kind = event.thread.isPullRequest ? 'pull request' : 'issue';
    const title = inline(event.thread.title, 300);
    const how =
      event.handoff.kind === 'label'
        ? `the label "${inline(event.handoff.name, 100)}"`
        : `an assignment to ${inline(event.handoff.name, 60)}`;
    const task = `Resolve ${kind} #${event.thread.number}${title ? ` ("${title}")` : ''}, handed over with ${how}: its title and description below say what is wanted.`;
    const removeLabel = /^true$/i.test(getInput('remove-label').trim());
    return await triggered(options, event, { task, phrase: '', token, removeLabel });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { triggered: false, reason: error.message, error: error.message };
  }
}
