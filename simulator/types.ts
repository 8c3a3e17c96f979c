// Shapes shared by the simulator modules. Wire shapes mirror the real server
// (Mogplex/mogplex lib/mogplex-api/*); Sim* shapes are simulator bookkeeping.

export type Scope = 'read' | 'write';
export type Harness = 'codex' | 'claude-code' | 'mogplex';
/**
 * Which server the simulator is: `august` is commit 199a1a5 (2026-08-08: no
 * stream route, events listed from the first, no `awaiting_input`, no
 * `mogplex` harness, modes unchecked); `newer` is the server since then
 * (mogplex-api.md, "Since August 2026").
 */
export type ServerVersion = 'august' | 'newer';
export type RunStatus = 'pending' | 'streaming' | 'success' | 'failed' | 'cancelled' | 'awaiting_input';
export type TerminalStatus = 'success' | 'failed' | 'cancelled';
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'IDEMPOTENCY_CONFLICT'
  | 'INTERNAL_ERROR'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'UNAUTHORIZED'
  | 'AUTOMATION_REQUIRED';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A repo as GET /repos lists it. */
export interface RepoRecord {
  id: string;
  full_name: string;
  installation_id: number;
  default_branch: string | null;
  root_directory: string | null;
}

/** The run detail every run route answers with. */
export interface RunDetail {
  runId: string;
  aiCallId: string;
  sandboxRecordId: string | null;
  sandboxId: string | null;
  repoId: string;
  harness: Harness;
  status: RunStatus;
  branch: { base: string; working: string; createBranch: boolean };
  rootDirectory: string | null;
  eventsUrl: string;
  cancelUrl: string;
  createdAt: string;
  updatedAt: string;
  error: string | null;
  runtime: { provider: string | null; runId: string | null };
  /** The newer server's fields (lib/mogplex-api/runs-types.ts); absent on the August server. */
  worktreeId?: string | null;
  agentId?: string | null;
  mode?: string | null;
  terminalCommitSha?: string | null;
}

/** An event as GET /runs/{id}/events presents it. */
export interface ApiEvent {
  id: string;
  type: string;
  toolName: string | null;
  message: string | null;
  payload: JsonObject;
  createdAt: string;
}

/** A materialized event plus its creation time in ms (for latency benches). */
export interface SimEvent extends ApiEvent {
  createdAtMs: number;
  /** The agent call (segment) it belongs to: a resumed run lists only its new segment's events. */
  aiCallId: string;
}

/** The start request after the server's normalization (hashed for idempotency). */
export interface NormalizedStartRequest {
  repoId: string;
  prompt: string;
  harness: Harness;
  baseBranch: string;
  workingBranch: string;
  createBranch: boolean;
  rootDirectory: string | null;
  conversationId: string | null;
  workspaceSessionId: string | null;
  mode: string | null;
}

/** A run the simulator created. Live object: the simulator updates it in place. */
export interface SimRun {
  id: string;
  /** Idempotency-Key it was created with. */
  key: string;
  /** Bearer token that owns it. */
  token: string;
  scenario: string;
  /** Parsed JSON body of the creating POST. */
  request: JsonObject;
  normalized: NormalizedStartRequest;
  requestHash: string;
  aiCallId: string;
  sandboxRecordId: string;
  sandboxId: string;
  runtimeRunId: string;
  status: RunStatus;
  error: string | null;
  events: SimEvent[];
  createdAtMs: number;
  updatedAtMs: number;
  /** When the status turned streaming (the sandbox came up), else null. */
  streamingAtMs: number | null;
  /** When the run reached its terminal status, else null. */
  endedAtMs: number | null;
  cancelRequestedAtMs: number | null;
  /** The runtime command the harness runs as (named by status_changed and cancels). */
  runtimeCommandId: string;
  /** The branch the sandbox put the agent on, once git_sync happened. */
  sync: SyncResult | null;
  /** What delivery reported, once it happened (absent when it failed). */
  delivery: DeliveryResult | null;
  /** The tip of the working branch after a success (newer server), else null. */
  terminalCommitSha: string | null;
}

/** lib/harness/git-delivery.ts HarnessGitWorkspace. */
export interface SyncResult {
  baseBranch: string;
  workingBranch: string;
  createdBranch: boolean;
}

/** lib/harness/git-delivery.ts HarnessPullRequestDelivery. */
export interface DeliveryResult {
  changed: boolean;
  pullRequestUrl: string | null;
  autoCommittedFiles: string[];
}

/** One scripted event with fixed text; `at` is ms after run creation, before `speed` scaling. */
export interface ScriptedEvent {
  at: number;
  type: string;
  toolName?: string;
  message: string;
  payload?: JsonObject;
}

/**
 * A step the real server records itself; its type, message and payload are
 * built from the run (branches, harness, delivery), see lifecycle.ts.
 */
export type LifecycleStep =
  | 'accepted'
  | 'started'
  | 'git_sync'
  | 'streaming'
  | 'installed'
  | 'delivery'
  | 'finished'
  | 'agent_failed'
  | 'stream_failed'
  | 'external_failed'
  | 'web_cancel_requested'
  | 'web_cancelled';

export interface LifecycleEvent {
  at: number;
  step: LifecycleStep;
}

export type ScenarioEvent = ScriptedEvent | LifecycleEvent;

/** What the agent leaves in the workspace for delivery to find. */
export type AgentLeaves = 'commits' | 'nothing' | 'untracked-files';

export interface Scenario {
  name: string;
  description: string;
  /** When the sandbox is up and the run turns `streaming` (ms, before `speed`). */
  launchAt: number;
  leaves: AgentLeaves;
  events: ScenarioEvent[];
  /**
   * `at` may be Infinity: the run never ends by itself. A failed run's error
   * is `error`, or the delivery failure when the agent left untracked files.
   */
  end: { at: number; status: TerminalStatus; error?: string };
  /**
   * A pause at a checkpoint (newer server): the run turns `awaiting_input` at
   * `at` (its first pass has ended with its `finished` event; no event marks
   * the pause) and resumes at `resumeAt` (may be Infinity) with a new agent
   * call: a new aiCallId and sandbox, and events listed from there only.
   */
  checkpoint?: { at: number; resumeAt: number };
}

/** A pull request on GitHub as the simulator's repos know them. */
export interface PullRequestRecord {
  number: number;
  head: string;
  base: string;
  state: 'open' | 'merged' | 'closed';
}

/** Branches on origin and pull requests of one repository. */
export interface RepoGitState {
  branches: string[];
  pullRequests: PullRequestRecord[];
}

/** Every request that reached the simulator's API, in arrival order. */
export interface RecordedRequest {
  method: string;
  /** Full path without the query string, e.g. /api/v1/mogplex/runs. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  /** Arrival time, ms epoch. */
  at: number;
  /** Answer status, or 0 when the socket was destroyed (or not answered yet). */
  status: number;
  faulted: boolean;
}

export interface FaultMatch {
  method?: string;
  /** RegExp tested against, or string prefix of, the path after /api/v1/mogplex. */
  path?: RegExp | string;
  /** 1-based among matching requests seen since the rule was added; default 1. */
  nth?: number;
  /** How many matching requests to fault; default 1. */
  times?: number;
}

export interface FaultAction {
  status?: number;
  headers?: Record<string, string>;
  /** Raw body, e.g. an HTML error page from a proxy. */
  body?: string;
  delayMs?: number;
  /** 'before': drop the connection unprocessed; 'after': process for real, then drop. */
  destroy?: 'before' | 'after';
  /** Process for real, then answer with the JSON body cut in half. */
  garble?: boolean;
  /** Process for real, then answer with this rewrite of the body (see `withEvent` in faults.ts). */
  rewrite?: (body: string) => string;
  /** Answer 200 with a JSON body that never ends, until the client hangs up. */
  endless?: boolean;
  /**
   * The events stream only: after `afterEvents` event frames, drop the
   * connection (the platform's cut); with `midFrame`, half-way through the
   * next frame.
   */
  cutStream?: { afterEvents: number; midFrame?: boolean };
}

export interface FaultRule {
  match: FaultMatch;
  action: FaultAction;
}

export interface RateLimitOption {
  limit: number;
  windowMs: number;
}

export interface RunStartLimitOption {
  perMinute: number;
  /** The minute window's length; default 60,000 ms. Shorter windows only make tests faster. */
  windowMs?: number;
  /** Starts per sliding hour; default 30. */
  perHour?: number;
  /** Starts per sliding day; default 150. */
  perDay?: number;
}

export interface SimulatorOptions {
  /** Default `newer`. */
  server?: ServerVersion;
  /** The events stream is cut after this long (the platform's maxDuration, 800 s); shorter in tests. */
  streamMaxMs?: number;
  /** Tokens set to "Automations only": POST /runs answers 403 AUTOMATION_REQUIRED (newer server). */
  automationOnlyTokens?: string[];
  /**
   * What a successful run on its own branch has committed under
   * `.mogplex/artifacts/`, by file name (`triage.json`): parsed JSON, or
   * `{ raw }` for a file that is not valid JSON. Served by GET /runs/{id}/artifact.
   */
  artifacts?: Record<string, JsonValue | { raw: string }>;
  /** Automations this account has (default: one with an API trigger on acme/web, see AUTOMATION_ID). */
  automations?: import('./automations.js').SimAutomation[];
  port?: number;
  host?: string;
  tokens?: Record<string, Scope[]>;
  repos?: RepoRecord[];
  scenario?: string;
  speed?: number;
  rateLimit?: RateLimitOption | false;
  runStartLimit?: RunStartLimitOption | false;
  cancelShape?: 'current' | 'legacy';
  /** Cancellation takes this long (times speed) to land; default 300 ms. */
  cancelDelayMs?: number;
  /**
   * Host name of the canonical origin (default `localhost`): requests to
   * `www.<canonicalHost>` get proxy.ts's 308 to the same port on it.
   */
  canonicalHost?: string;
  /**
   * Branches and pull requests per repo `full_name` (default: acme/web has
   * `main` and `feature/login` with open pull request #42 into `main`; other
   * repos only their default branch). New pull requests count up from the
   * highest number.
   */
  repoGit?: Record<string, RepoGitState>;
}

export interface Simulator {
  /** Origin, e.g. http://127.0.0.1:41234; the API lives at `${url}/api/v1/mogplex`. */
  url: string;
  /** `${url}/api/v1/mogplex` */
  apiUrl: string;
  /** `http://<canonicalHost>:<port>`, the origin www redirects point at. */
  canonicalUrl: string;
  /**
   * `http://www.<canonicalHost>:<port>`: answered with a 308 to canonicalUrl.
   * Such names may not resolve: reach it with `http_proxy` set to `url` (the
   * simulator accepts CONNECT and absolute-form targets to itself).
   */
  wwwUrl: string;
  readonly requests: RecordedRequest[];
  /** Runs created (replays do not add), brought up to date on each read. */
  readonly runs: SimRun[];
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  /** Events materialized so far, with creation times in ms. */
  scenarioEvents(runId: string): SimEvent[];
  /** The run, brought up to date, or undefined. */
  getRun(runId: string): SimRun | undefined;
  close(): Promise<void>;
}
