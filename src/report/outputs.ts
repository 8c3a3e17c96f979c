import { branchProblem } from '../inputs/branches.js';
import { durationMs, type RunReport } from './report.js';
import { inline } from '../plumbing/sanitize.js';

/** The statuses the outputs document; anything else the server says becomes `unknown`. */
const STATUSES = new Set(['pending', 'streaming', 'awaiting_input', 'running', 'success', 'failed', 'cancelled']);

export interface Outputs {
  values: Record<string, string>;
  /** Server values that broke an output's rule and were left out, for warnings. */
  warnings: string[];
}

/** An output past this is left empty (GitHub holds a job's outputs to 1 MB in all); the file has it whole. */
export const MAX_ARTIFACT_OUTPUT_BYTES = 256 * 1024;

/** What only an automation job shows: tokens, cost (null on today's server) and the model; a model name passes as one clean line. */
function automationOutputs(report: RunReport): Record<string, string> {
  const job = report.automation;
  if (!job) return {};
  const number = (value: number | null | undefined): string => (typeof value === 'number' && Number.isFinite(value) ? String(value) : '');
  return {
    'input-tokens': number(job.inputTokens),
    'output-tokens': number(job.outputTokens),
    'cost-usd': number(job.costUsd),
    model: /^[A-Za-z0-9._:/-]{1,100}$/.test(job.model ?? '') ? (job.model ?? '') : '',
  };
}

function artifactOutputs(report: RunReport, warnings: string[]): Record<string, string> {
  if (!report.artifact) return {};
  // JSON text: escaped, one line, no workflow command can hide in it.
  const text = JSON.stringify(report.artifact.value) ?? 'null';
  const fits = Buffer.byteLength(text) <= MAX_ARTIFACT_OUTPUT_BYTES;
  if (!fits)
    warnings.push(
      `The artifact is larger than ${MAX_ARTIFACT_OUTPUT_BYTES} bytes: the \`artifact\` output is empty; read \`artifact-file\`.`,
    );
  return { artifact: fits ? text : '', 'artifact-file': report.artifact.file };
}

/**
 * The step's outputs, from what is known of the run. Each value is data with
 * a rule (workflows paste outputs into scripts): a documented status, a valid
 * branch name, a pull request URL, one line of text.
 */
export function outputsOf(report: RunReport): Outputs {
  const warnings: string[] = [];
  const { run, delivery } = report;
  const status = STATUSES.has(run.status) ? run.status : 'unknown';
  if (status === 'unknown')
    warnings.push(
      `Mogplex answered an unknown run status (${JSON.stringify(inline(run.status, 80))}); the \`status\` output is \`unknown\`.`,
    );
  const branch = (name: string, value: string | null | undefined): string => {
    if (value === null || value === undefined) return '';
    if (branchProblem(value) === undefined) return value;
    warnings.push(
      `Mogplex answered a ${name} that is not a valid branch name (${JSON.stringify(inline(value, 80))}); the \`${name}\` output is empty.`,
    );
    return '';
  };
  return {
    values: {
      'run-id': run.runId,
      status,
      // The branch the agent really used: the run detail keeps the requested one.
      'working-branch': branch('working-branch', report.agentBranch ?? run.branch.working),
      'base-branch': branch('base-branch', run.branch.base),
      replayed: String(report.replayed),
      'pull-request-url': delivery?.pullRequestUrl ?? '',
      changed: delivery ? String(delivery.changed) : '',
      error: report.failure ? inline(report.failure, 2000) : '',
      // What the run cost, as far as the v1 API shows it: its length and how much the agent did.
      'duration-seconds': String(Math.round(durationMs(report) / 1000)),
      'event-count': String(report.eventCount),
      'tool-calls': String(report.toolCalls),
      ...artifactOutputs(report, warnings),
      ...automationOutputs(report),
    },
    warnings,
  };
}
