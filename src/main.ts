import * as core from '@actions/core';
import { FIRST_MINUTE_SHARE, RequestBudget } from './api/budget.js';
import { MogplexClient } from './api/client.js';
import { describeError } from './api/errors.js';
import { watchForCancel } from './run/cancellation.js';
import { isCommentEvent } from './event/comment-event.js';
import { readWorkflowContext } from './event/context.js';
import { FollowedRun, type RunEnd } from './run/followed-run.js';
import { commentMarker } from './github/comment-body.js';
import { commentTrigger, handoffTrigger } from './github/comment-trigger.js';
import { TrackingComment } from './github/tracking-comment.js';
import { InputError } from './inputs/input-error.js';
import { readSettings, type Settings } from './inputs/settings.js';
import { JobLog, renderHeader, untrusted } from './report/log.js';
import type { RunReport } from './report/report.js';
import { inline } from './plumbing/sanitize.js';
import { Secrets } from './plumbing/secrets.js';
import { compileArtifactSchema } from './run/artifacts.js';
import { attach } from './run/attach.js';
import { triggerAutomation } from './run/automation.js';
import { start, startFailure } from './run/start.js';
import { STATE } from './plumbing/state.js';

/** The Mogplex client for this step: its budget, what it cuts out of answers, where it logs. */
function mogplexClient(settings: Settings, secrets: Secrets, log: JobLog): MogplexClient {
  return new MogplexClient({
    apiUrl: settings.apiUrl,
    token: settings.token,
    budget: new RequestBudget(settings.requestsPerMinute, settings.shareFirstMinute ? { firstMinute: FIRST_MINUTE_SHARE } : {}),
    redact: (text) => secrets.redact(text),
    redactJson: (value) => secrets.redactJson(value),
    // core.debug escapes its data; at log-level debug the lines are printed like other untrusted text.
    debug:
      settings.logLevel === 'debug'
        ? (line) => log.print(untrusted([`[debug] ${inline(line, 500)}`], log.token()))
        : (line) => core.debug(line),
    onMoved: (from, to) => {
      core.info(
        `The Mogplex API answers at ${to}, not ${from}: set \`api-url\` to ${to} (or leave it empty for the default) to save a redirect.`,
      );
      core.saveState(STATE.apiUrl, to);
    },
  });
}

/**
 * The conductor: picks the mode (a run from inputs, a run from a comment, or
 * a run started elsewhere, named by `run-id`), reads the settings, starts (or
 * takes up) the run and hands it to FollowedRun.
 */
export async function main(): Promise<void> {
  const workflow = readWorkflowContext();
  const secrets = new Secrets();
  // The job's GITHUB_TOKEN is masked by the runner; it is cut out of what Mogplex answers too.
  secrets.add(core.getInput('github-token'));
  const getInput = (name: string) => core.getInput(name);
  const onSecret = (secret: string): void => {
    core.setSecret(secret);
    secrets.add(secret);
  };
  // Comment mode: the comment starts a run only when it asks for one and its author may. With `run-id` the step starts nothing.
  const attaching = getInput('run-id').trim() !== '' || getInput('automation-id').trim() !== '';
  // A label or an assignment hands an issue over when `trigger-label` or `trigger-assignee` is set.
  const trigger = attaching
    ? undefined
    : isCommentEvent(workflow.eventName)
      ? await commentTrigger({ context: workflow, getInput, onSecret })
      : await handoffTrigger({ context: workflow, getInput, onSecret });
  if (trigger && !trigger.triggered) {
    core.setOutput('triggered', 'false');
    if (trigger.error) core.setFailed(trigger.error);
    return;
  }
  const asked = trigger?.run;
  // A comment on a pull request runs on that pull request, as a pull_request event would.
  const context = asked?.context(workflow) ?? workflow;
  const fail = async (message: string): Promise<void> => {
    core.setFailed(message);
    await asked?.fail(message);
  };
  let settings: Settings;
  try {
    settings = readSettings({
      getInput,
      context,
      onSecret,
      standingPrompt: asked !== undefined,
    });
    if (asked) settings = asked.apply(settings, context);
    // An `artifact-schema` that is no schema is an input error, before any request.
    if (settings.artifactSchema) await compileArtifactSchema(settings.artifactSchema);
  } catch (error) {
    await fail(error instanceof InputError ? error.message : describeError(error));
    return;
  }
  if (settings.artifactImpliesBranch) {
    core.info('`artifact` is set: the run gets a branch of its own (`create-branch: true`), since Mogplex serves artifacts only then.');
  }
  const cancel = watchForCancel();
  const log = new JobLog();
  const client = mogplexClient(settings, secrets, log);
  core.saveState(STATE.apiUrl, settings.apiUrl);

  let started: { report: RunReport; key: string };
  try {
    const { automation } = settings;
    started = automation
      ? await triggerAutomation({ ...settings, automation }, context, client, cancel)
      : settings.attachRunId === undefined
        ? await start(settings, context, client, cancel)
        : await attach(settings.attachRunId, client, cancel);
  } catch (error) {
    await fail(await startFailure(client, error, cancel.signal.aborted, (text) => secrets.redact(text)));
    return;
  }
  const { report } = started;
  log.print(renderHeader(report, log.token()));
  const comment =
    asked ??
    (settings.commentOnPr
      ? await TrackingComment.open({
          context,
          token: settings.githubToken,
          view: { marker: commentMarker(context, started.key, settings.token), prompt: secrets.redact(settings.prompt), context },
        })
      : undefined);
  const run = new FollowedRun(report, settings, context, client, log, comment);

  if (!settings.wait && !cancel.signal.aborted) {
    core.saveState(STATE.done, 'true');
    report.outcome = 'started';
    await run.finish();
    return;
  }
  // Not awaited: a slow GitHub must not hold up following (or a cancel); writes stay in order.
  void comment?.publish(report);
  let end: RunEnd;
  try {
    end = cancel.signal.aborted ? 'aborted' : await run.follow(cancel);
  } catch (error) {
    report.outcome = 'error';
    report.failure = `Lost track of Mogplex run ${report.run.runId}: ${describeError(error)}`;
    await run.finish();
    return;
  }
  await run.conclude(end);
  await run.finish();
  if (end === 'aborted') process.exit(1);
}
