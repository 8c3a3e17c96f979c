import * as core from '@actions/core';
import type { MogplexClient } from '../api/client.js';
import { ApiError, describeError } from '../api/errors.js';
import { AWAITING_INPUT, isTerminal, type AutomationJob, type CancelResult, type RunDetail, type RunEvent } from '../api/schema.js';
import { cadenceFor } from '../follow/cadence.js';
import type { Cancellation } from './cancellation.js';
import { applyDeliveryNews, pullRequestHosts, readDeliveryNews } from '../report/delivery.js';
import type { WorkflowContext } from '../event/context.js';
import { EventsFile } from '../report/events-file.js';
import { followAutomationJob } from '../follow/automation-job.js';
import { followRun, type FollowEnd, type FollowNote } from '../follow/follower.js';
import { readBranchHead } from '../github/branch-head.js';
import { githubErrorText } from '../github/octokit.js';
import type { Settings } from '../inputs/settings.js';
import { describeNote, type JobLog, renderDelivery, renderEnd, renderQuietEvent, renderStatusChange, untrusted } from '../report/log.js';
import { Transcript } from '../report/transcript.js';
import { readArtifacts } from './artifacts.js';
import { outputsOf } from '../report/outputs.js';
import { endPause, recordEvent, startPause, type RunReport } from '../report/report.js';
import { inline, stripControls } from '../plumbing/sanitize.js';
import { STATE } from '../plumbing/state.js';
import { renderSummary } from '../report/summary.js';

/** The cancel sent when the job stops must land before the runner's SIGKILL (SIGINT + 10 s). */
const URGENT_CANCEL_TIMEOUT_MS = 3_000;
/** Attempts at a cancel that races a resume. */
const CANCEL_RACE_RETRIES = 3;

/** How following ended, or `limit`: the run passed `max-tool-calls` and was stopped. */
export type RunEnd = FollowEnd | 'limit';

interface RunComment {
  publish(report: RunReport): Promise<void>;
}

/** One step's run, from the moment it has an id: what it reports to, and how to stop it. */
export class FollowedRun {
  constructor(
    readonly report: RunReport,
    private readonly settings: Settings,
    private readonly context: WorkflowContext,
    private readonly client: MogplexClient,
    private readonly log: JobLog,
    private readonly comment: RunComment | undefined,
    private readonly events = new EventsFile(report.run.runId, (message) => core.warning(message)),
    private readonly prRule = { hosts: pullRequestHosts(context.serverUrl), repo: report.repo },
  ) {}

  /** Follows the run until it ends, times out or the job is cancelled, and settles the report. */
  async follow(cancel: Cancellation): Promise<RunEnd> {
    const { report, settings, log } = this;
    const overLimit = new AbortController();
    const transcript = new Transcript(report.startedAt, `the events file (\`events-file\` output: ${this.events.path})`);
    const common = {
      cadence: cadenceFor(settings.requestsPerMinute),
      deadline: Date.now() + settings.timeoutMs,
      signal: AbortSignal.any([cancel.signal, overLimit.signal]),
      onEvent: (event: RunEvent) => {
        recordEvent(report, event);
        // A runaway run: past max-tool-calls it is stopped, not followed to its end.
        if (settings.maxToolCalls !== undefined && report.toolCalls > settings.maxToolCalls) overLimit.abort();
        this.events.append(event);
        const news = readDeliveryNews(event, this.prRule);
        if (news) {
          applyDeliveryNews(report, news);
          for (const refused of news.refused ?? []) core.warning(`Ignored a value from Mogplex: ${inline(refused, 300)}`);
        }
        log.print(
          settings.logLevel === 'quiet' ? renderQuietEvent(event, report.startedAt, log.token()) : transcript.render(event, log.token()),
        );
      },
      onNote: (note: FollowNote) => {
        if (note.kind === 'window-full') report.windowFull = note.shown;
        if (note.kind === 'events-lost') report.eventsLost = true;
        log.print(untrusted([describeNote(note, describeError)], log.token()));
      },
    };
    const onRun = (run: RunDetail): void => {
      const from = report.run.status;
      report.run = run;
      if (run.status === from) return;
      log.print([...transcript.flush(log.token()), ...renderStatusChange(from, run, log.token())]);
      this.onPause(from, run.status);
      void this.comment?.publish(report);
    };
    const automation = report.automation;
    let end: FollowEnd;
    if (automation) {
      end = await followAutomationJob({
        ...common,
        client: this.client,
        automationId: automation.id,
        jobRunId: report.run.runId,
        // The only route that shows tokens, cost and the model.
        onJob: (job) => {
          Object.assign(automation, {
            inputTokens: job.inputTokens,
            outputTokens: job.outputTokens,
            costUsd: job.costUsd,
            model: job.model,
          });
          onRun(jobAsRun(report.run, job));
        },
      });
    } else {
      const followed = await followRun({ ...common, client: this.client, run: report.run, onRun });
      report.run = followed.run;
      end = followed.end;
    }
    log.print(transcript.flush(log.token()));
    return overLimit.signal.aborted && !cancel.signal.aborted ? 'limit' : end;
  }

  /** A pause is said at once (a warning naming the run and where it is answered); its time goes to the summary. */
  private onPause(from: string, to: string): void {
    const { report } = this;
    if (to === AWAITING_INPUT) {
      startPause(report);
      core.warning(
        `Mogplex run ${report.run.runId} is waiting for input: its agent stopped at a checkpoint and asked a question. ` +
          `Answer it in Mogplex (${this.settings.apiUrl}); the step keeps following the run, and cancels it at timeout-minutes (${this.settings.timeoutMs / 60_000}) if no answer comes.`,
      );
    } else if (from === AWAITING_INPUT) {
      endPause(report);
      core.info(`Mogplex run ${report.run.runId} ${isTerminal(to) ? 'ended' : 'goes on'} (${to}) after waiting for input.`);
    }
  }

  /** Sets the outcome for how following ended; cancels the run where that is asked for. */
  async conclude(end: RunEnd): Promise<void> {
    const { report, settings } = this;
    const runId = report.run.runId;
    const minutes = settings.timeoutMs / 60_000;
    if (end === 'terminal') {
      core.saveState(STATE.done, 'true');
      if (report.run.status === 'success') await this.confirmChanged();
      const failure = terminalFailure(report.run) ?? this.unchanged() ?? (await this.collectArtifacts());
      report.outcome = failure ? 'failed' : 'success';
      if (failure) report.failure = failure;
      const updated = report.run.updatedAt ? Date.parse(report.run.updatedAt) : NaN;
      report.finishedAt = Number.isNaN(updated) ? Date.now() : updated;
    } else if (end === 'timeout') {
      report.outcome = 'timeout';
      const waiting =
        report.run.status === AWAITING_INPUT
          ? ' while the run was waiting for input (awaiting_input: nobody answered its question in Mogplex)'
          : '';
      if (settings.cancelOnTimeout) {
        await this.cancel(`timeout-minutes (${minutes}) reached`);
        report.failure = `Timed out after ${minutes} minutes (timeout-minutes)${waiting}; the Mogplex run ${runId} was cancelled.`;
      } else {
        core.saveState(STATE.done, 'true');
        report.failure =
          `Timed out after ${minutes} minutes (timeout-minutes)${waiting}; the Mogplex run ${runId} goes on (cancel-on-timeout: false). ` +
          `Follow it with \`mogplex runs events ${runId} --follow\`, or raise timeout-minutes.`;
      }
    } else if (end === 'limit') {
      report.outcome = 'failed';
      await this.cancel(`max-tool-calls (${settings.maxToolCalls}) passed`);
      report.failure =
        `Mogplex run ${runId} started ${report.toolCalls} tool calls, more than \`max-tool-calls\` (${settings.maxToolCalls}) allows; ` +
        'the run was cancelled. Raise `max-tool-calls`, or narrow the task.';
    } else {
      report.outcome = 'cancelled';
      await this.cancel('The job was cancelled');
      report.failure = `The job was cancelled; cancellation of Mogplex run ${runId} was requested (last known status: ${report.run.status}).`;
    }
    this.log.print(renderEnd(report, this.log.token()));
    this.log.print(renderDelivery(report, this.log.token()));
    if (report.delivery?.pullRequestUrl) core.notice(`Mogplex run ${report.run.runId}: pull request ${report.delivery.pullRequestUrl}`);
  }

  /**
   * On a pull request's own branch the server's `changed` only says the branch
   * is ahead of its base: whether this run added commits shows in its head.
   */
  private async confirmChanged(): Promise<void> {
    const { report, settings } = this;
    const head = settings.pullRequestHead;
    if (!head || !report.delivery || (report.agentBranch ?? report.run.branch.working) !== head.branch) return;
    const fallback = "`changed` says only that the branch is ahead of its base (Mogplex's view)";
    if (settings.githubToken === '') {
      core.warning(`No \`github-token\` to read the head of ${head.branch}; ${fallback}.`);
      return;
    }
    try {
      report.delivery.changed = (await readBranchHead(this.context, settings.githubToken, head.branch)) !== head.sha;
    } catch (error) {
      core.warning(`Could not read the head of ${head.branch} from GitHub (${inline(githubErrorText(error), 300)}); ${fallback}.`);
    }
  }

  /** After a success, the artifacts the workflow asked for; why they fail the step, if they do. */
  private async collectArtifacts(): Promise<string | undefined> {
    const { report, settings } = this;
    if (!settings.artifacts) return undefined;
    const { read, failure } = await readArtifacts(this.client, report.run.runId, settings.artifacts, settings.artifactSchema);
    if (read) report.artifact = read;
    return failure;
  }

  /** With require-changes, a successful run that changed nothing fails the step. */
  private unchanged(): string | undefined {
    const { report } = this;
    if (!this.settings.requireChanges || report.delivery?.changed === true) return undefined;
    return report.delivery
      ? `Mogplex run ${report.run.runId} succeeded but changed no code, and \`require-changes\` is true.`
      : `Mogplex run ${report.run.runId} succeeded but recorded no delivery, so it cannot be shown to have changed code, and \`require-changes\` is true.`;
  }

  /** Outputs, summary, comment and the step's verdict: written on every path that got a run id. */
  async finish(): Promise<void> {
    const { report } = this;
    report.finishedAt ??= Date.now();
    this.events.close(report.run);
    const outputs = outputsOf(report);
    for (const warning of outputs.warnings) core.warning(warning);
    for (const [name, value] of Object.entries(outputs.values)) core.setOutput(name, value);
    core.setOutput('events-file', this.events.path);
    try {
      await core.summary.addRaw(renderSummary(report)).write();
    } catch (error) {
      core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (report.failure) core.setFailed(report.failure);
    await this.comment?.publish(report);
  }

  private async cancel(why: string): Promise<void> {
    const automation = this.report.automation;
    if (automation) {
      try {
        const { alreadyEnded } = await this.client.cancelAutomationJob(automation.id, this.report.run.runId, {
          urgent: true,
          timeoutMs: URGENT_CANCEL_TIMEOUT_MS,
        });
        core.saveState(STATE.done, 'true');
        core.info(`${why}: the automation job was cancelled${alreadyEnded ? ' (it had already ended)' : ''}.`);
      } catch (error) {
        core.warning(`${why}, but cancelling the automation job failed; the post step will try again. ${describeError(error)}`);
      }
      return;
    }
    try {
      const result = await this.cancelWithRetry();
      if (result.run) this.report.run = result.run;
      core.saveState(STATE.done, 'true');
      core.info(`${why}: cancellation of the Mogplex run was requested${result.alreadyTerminal ? ' (it had already ended)' : ''}.`);
    } catch (error) {
      core.warning(`${why}, but cancelling the Mogplex run failed; the post step will try again. ${describeError(error)}`);
    }
  }

  /** A paused run that resumes as it is cancelled answers 409 "Run state changed; retry cancellation": retried at once. */
  private async cancelWithRetry(): Promise<CancelResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.client.cancelRun(this.report.run.runId, { urgent: true, timeoutMs: URGENT_CANCEL_TIMEOUT_MS });
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 409 && error.code === 'CONFLICT') || attempt >= CANCEL_RACE_RETRIES)
          throw error;
      }
    }
  }
}

/** An automation job's detail, as the run the report follows (its own status names: `running` for a job at work). */
function jobAsRun(run: RunDetail, job: AutomationJob): RunDetail {
  return {
    ...run,
    status: job.status,
    error: job.error,
    updatedAt: job.completedAt ?? run.updatedAt,
    branch: { ...run.branch, working: job.workingBranch ?? run.branch.working },
  };
}

function terminalFailure(run: RunDetail): string | undefined {
  if (run.status === 'success') return undefined;
  const reason = run.error ? `: ${stripControls(run.error)}` : '';
  return `Mogplex run ${run.runId} ${run.status === 'cancelled' ? 'was cancelled' : 'failed'}${reason}`;
}
