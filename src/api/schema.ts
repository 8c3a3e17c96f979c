// Types for every Mogplex v1 shape the action reads, and parsers that check
// them: an answer that does not match is a ParseError, never a silent cast.

export const TERMINAL_STATUSES = ['success', 'failed', 'cancelled'] as const;
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];
/**
 * Open-ended: pending, streaming and (newer server) awaiting_input are
 * active; an unknown status is treated as active too.
 */
export type RunStatus = string;
/** The newer server's pause at a checkpoint: not the end, and no event marks it. */
export const AWAITING_INPUT = 'awaiting_input';

export function isTerminal(status: RunStatus): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}

export interface Repo {
  id: string;
  fullName: string;
  defaultBranch: string | null;
}

export interface RunDetail {
  runId: string;
  /** The agent call: a resumed run gets a new one, and lists only its events. */
  aiCallId: string | null;
  status: RunStatus;
  harness: string | null;
  repoId: string | null;
  branch: { base: string | null; working: string | null; createBranch: boolean };
  createdAt: string | null;
  updatedAt: string | null;
  error: string | null;
  /** Newer server: the mode as stored (e.g. `SAFE`), and the working branch's tip after a success. */
  mode: string | null;
  terminalCommitSha: string | null;
}

export interface StartedRun extends RunDetail {
  replayed: boolean;
}

export interface RunEvent {
  id: string;
  type: string;
  toolName: string | null;
  message: string;
  payload: unknown;
  createdAt: string | null;
}

export interface EventsPage {
  run: RunDetail;
  events: RunEvent[];
}

/** The cancel answer, normalized over both shapes in the wild. */
export interface CancelResult {
  run: RunDetail | null;
  alreadyTerminal: boolean;
}

export interface ErrorBody {
  code: string;
  message: string;
}

export class ParseError extends Error {
  override name = 'ParseError';
}

type Json = Record<string, unknown>;

function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ParseError(`${what} is not an object`);
  return value as Json;
}

function string(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new ParseError(`${what} is not a string`);
  return value;
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function array(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new ParseError(`${what} is not an array`);
  return value;
}

/** Unwraps `{ ok: true, data }`; returns undefined for anything else. */
export function successData(body: unknown): unknown {
  if (typeof body === 'object' && body !== null && (body as Json).ok === true && 'data' in body) {
    return (body as Json).data;
  }
  return undefined;
}

/** Reads `{ ok: false, error: { code, message } }`, or undefined when the body is not that. */
export function parseErrorBody(body: unknown): ErrorBody | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as Json).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as Json;
  if (typeof code !== 'string') return undefined;
  return { code, message: typeof message === 'string' ? message : '' };
}

function errorText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as Json).message === 'string') {
    return (value as Json).message as string;
  }
  return value == null ? null : JSON.stringify(value);
}

// Run ids are UUIDs; holding them to a plain alphabet keeps them safe in URLs, state and log lines.
const RUN_ID = /^[A-Za-z0-9_-]{1,128}$/;

export function parseRunDetail(value: unknown, what = 'run'): RunDetail {
  const run = object(value, what);
  if (typeof run.runId === 'string' && !RUN_ID.test(run.runId)) throw new ParseError(`${what}.runId is not a run id`);
  const branch = typeof run.branch === 'object' && run.branch !== null ? (run.branch as Json) : {};
  return {
    runId: string(run.runId, `${what}.runId`),
    status: string(run.status, `${what}.status`),
    harness: optionalString(run.harness),
    repoId: optionalString(run.repoId),
    branch: {
      base: optionalString(branch.base),
      working: optionalString(branch.working),
      createBranch: branch.createBranch === true,
    },
    createdAt: optionalString(run.createdAt),
    updatedAt: optionalString(run.updatedAt),
    error: errorText(run.error),
    aiCallId: optionalString(run.aiCallId),
    mode: optionalString(run.mode),
    terminalCommitSha:
      typeof run.terminalCommitSha === 'string' && /^[0-9a-f]{7,64}$/i.test(run.terminalCommitSha) ? run.terminalCommitSha : null,
  };
}

export function parseStartedRun(data: unknown): StartedRun {
  return { ...parseRunDetail(data, 'data'), replayed: object(data, 'data').replayed === true };
}

export function parseRunEnvelope(data: unknown): RunDetail {
  return parseRunDetail(object(data, 'data').run, 'data.run');
}

export function parseRepos(data: unknown): Repo[] {
  return array(object(data, 'data').repos, 'data.repos').map((item, i) => {
    const repo = object(item, `data.repos[${i}]`);
    return {
      id: string(repo.id, `data.repos[${i}].id`),
      fullName: string(repo.full_name, `data.repos[${i}].full_name`),
      defaultBranch: optionalString(repo.default_branch),
    };
  });
}

export function parseEvent(value: unknown, what: string): RunEvent {
  const event = object(value, what);
  const id = event.id;
  if (typeof id !== 'string' && typeof id !== 'number') throw new ParseError(`${what}.id is missing`);
  return {
    id: String(id),
    type: typeof event.type === 'string' ? event.type : 'event',
    toolName: optionalString(event.toolName),
    message: typeof event.message === 'string' ? event.message : '',
    payload: event.payload ?? null,
    createdAt: optionalString(event.createdAt),
  };
}

/** An events page holds at most `limit` events: a longer one is garbled (it would flood the log). */
export function parseEventsPage(data: unknown, limit = Infinity): EventsPage {
  const page = object(data, 'data');
  const items = array(page.events, 'data.events');
  if (items.length > limit) throw new ParseError(`data.events holds ${items.length} events, more than the ${limit} asked for`);
  return { run: parseRunDetail(page.run, 'data.run'), events: items.map((item, i) => parseEvent(item, `data.events[${i}]`)) };
}

/** Current server: `{ run, status, alreadyTerminal }`; seed docs: `status: cancellation_requested | already_terminal`. */
export function parseCancel(data: unknown): CancelResult {
  const body = object(data, 'data');
  const run = body.run === undefined || body.run === null ? null : parseRunDetail(body.run, 'data.run');
  const status = optionalString(body.status);
  const alreadyTerminal = body.alreadyTerminal === true || status === 'already_terminal';
  return { run, alreadyTerminal };
}

/** A JSON file a run committed under `.mogplex/artifacts/`, as GET /runs/{id}/artifact answers it (newer server). */
export interface Artifact {
  path: string;
  /** The parsed JSON. */
  content: unknown;
  commitSha: string | null;
  /** Read at the run's final commit, rather than the branch's current tip. */
  pinned: boolean;
}

export function parseArtifact(data: unknown): Artifact {
  const artifact = object(object(data, 'data').artifact, 'data.artifact');
  if (!('content' in artifact)) throw new ParseError('data.artifact.content is missing');
  return {
    path: string(artifact.path, 'data.artifact.path'),
    content: artifact.content,
    commitSha: optionalString(artifact.commitSha),
    pinned: artifact.pinned === true,
  };
}

/** POST /automations/{id}/trigger's answer: 202 even when nothing started (mogplex-api.md section 8). */
export interface AutomationTriggered {
  /** The job's id (not a run id: the v1 run routes answer 404 for it); null when nothing started. */
  jobRunId: string | null;
  outcome: string;
  reason: string | null;
  status: string;
  started: boolean;
  replayed: boolean;
  workingBranch: string | null;
}

export function parseAutomationTriggered(data: unknown): AutomationTriggered {
  const run = object(object(data, 'data').run, 'data.run');
  const jobRunId = optionalString(run.jobRunId);
  if (jobRunId !== null && !RUN_ID.test(jobRunId)) throw new ParseError('data.run.jobRunId is not an id');
  return {
    jobRunId,
    outcome: string(run.outcome, 'data.run.outcome'),
    reason: optionalString(run.reason),
    status: optionalString(run.status) ?? '',
    started: run.started === true,
    replayed: run.replayed === true,
    workingBranch: optionalString(run.workingBranch),
  };
}

/** An automation job as GET /automations/{id}/runs/{jobRunId} answers it (snake_case; its events raw). */
export interface AutomationJob {
  id: string;
  status: string;
  error: string | null;
  startedAt: string | null;
  completedAt: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  model: string | null;
  workingBranch: string | null;
  events: RunEvent[];
}

/** The server does not sanitize a job's events: capped here as it caps v1 payloads (strings 2,000 characters, 25 items, depth 3). */
function capLikeV1(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > 2_000 ? `${value.slice(0, 2_000)}…` : value;
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= 3) return '[deeper than 3 levels]';
  if (Array.isArray(value)) return value.slice(0, 25).map((item) => capLikeV1(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, 25)
      .map(([key, item]) => [key, capLikeV1(item, depth + 1)]),
  );
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function parseAutomationJob(data: unknown): AutomationJob {
  const run = object(object(data, 'data').run, 'data.run');
  const latest = typeof run.latest_ai_call === 'object' && run.latest_ai_call !== null ? (run.latest_ai_call as Json) : {};
  const metadata = typeof run.metadata === 'object' && run.metadata !== null ? (run.metadata as Json) : {};
  const calls = Array.isArray(run.ai_calls) ? run.ai_calls : [];
  const events = calls.flatMap((call, c) => {
    const list =
      typeof call === 'object' && call !== null && Array.isArray((call as Json).events) ? ((call as Json).events as unknown[]) : [];
    return list.map((raw, i): RunEvent => {
      const row = object(raw, `data.run.ai_calls[${c}].events[${i}]`);
      const id = row.id;
      if (typeof id !== 'string' && typeof id !== 'number') throw new ParseError(`data.run.ai_calls[${c}].events[${i}].id is missing`);
      const message = typeof row.message === 'string' ? row.message : '';
      return {
        id: String(id),
        type: typeof row.event_type === 'string' ? row.event_type : 'event',
        toolName: optionalString(row.tool_name),
        message: message.length > 20_000 ? `${message.slice(0, 20_000)}…` : message,
        payload: capLikeV1(row.payload ?? null),
        createdAt: optionalString(row.created_at),
      };
    });
  });
  const id = string(run.id, 'data.run.id');
  if (!RUN_ID.test(id)) throw new ParseError('data.run.id is not an id');
  return {
    id,
    status: string(run.status, 'data.run.status'),
    error: errorText(run.error),
    startedAt: optionalString(run.started_at),
    completedAt: optionalString(run.completed_at),
    inputTokens: finite(run.input_tokens),
    outputTokens: finite(run.output_tokens),
    costUsd: finite(run.cost_usd),
    model: optionalString(latest.model),
    workingBranch: optionalString(metadata.working_branch),
    events,
  };
}
