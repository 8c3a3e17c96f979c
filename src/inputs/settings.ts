import { closeSync, constants as fsConstants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { chooseBranches } from './branches.js';
import type { WorkflowContext } from '../event/context.js';
import { InputError } from './input-error.js';
import { inline } from '../plumbing/sanitize.js';

/** `mogplex` needs the newer server (an older one answers 400 "Invalid harness"). */
export const HARNESSES = ['codex', 'claude-code', 'mogplex'] as const;
export type Harness = (typeof HARNESSES)[number];
export const LOG_LEVELS = ['events', 'quiet', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/**
 * The modes a Codex or Claude Code run accepts. The newer server takes them in
 * any case and refuses anything else (400); the older one stored any text and
 * ran an unknown one as `auto`. Sent in lower case, which both take.
 */
export const MODES = ['auto', 'safe', 'yolo'] as const;
export type Mode = (typeof MODES)[number];

export const MAX_PROMPT_CHARS = 100_000;
export const MAX_REQUESTS_PER_MINUTE = 60;
const DEFAULT_REQUESTS_PER_MINUTE = 20;
export const DEFAULT_API_URL = 'https://mogplex.com';

export type RepoRef = { kind: 'id'; id: string } | { kind: 'name'; fullName: string };

/** Every input, read once and validated before any request is sent. */
export interface Settings {
  token: string;
  apiUrl: string;
  repo: RepoRef;
  prompt: string;
  harness: Harness;
  baseBranch?: string;
  workingBranch?: string;
  createBranch: boolean;
  rootDirectory?: string;
  mode?: Mode;
  idempotencyKey?: string;
  wait: boolean;
  timeoutMs: number;
  cancelOnTimeout: boolean;
  requestsPerMinute: number;
  /** No cap was given: hold to a share of the token in the first minute, when steps started together all begin. */
  shareFirstMinute: boolean;
  logLevel: LogLevel;
  commentOnPr: boolean;
  /** Fail a successful run that changed nothing. */
  requireChanges: boolean;
  /** `run-id`: follow this run, started elsewhere, instead of starting one. */
  attachRunId?: string;
  /** `automation-id` and `automation-input` (JSON or YAML, parsed before any request by `readAutomationInput`). */
  automation?: { id: string; inputText: string };
  /** Cancel the run once more tool calls than this have started. */
  maxToolCalls?: number;
  /** `artifact`: names of JSON files the run commits under `.mogplex/artifacts/`, read after a success. */
  artifacts?: string[];
  /** `artifact-schema`: a JSON Schema each artifact must match. */
  artifactSchema?: Record<string, unknown>;
  /** `create-branch` was left empty and `artifact` made it true (said in the log). */
  artifactImpliesBranch?: boolean;
  /** Read only when a GitHub call needs it (the comment, or the pull request head check); else ''. */
  githubToken: string;
  /**
   * Set when the agent works on a pull request's own branch: the head the
   * event named, to tell after the run whether it added commits.
   */
  pullRequestHead?: { branch: string; sha: string };
}

export type GetInput = (name: string) => string;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FULL_NAME = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/**
 * Loopback as the HTTP client itself treats it (it never sends these through
 * `http_proxy`): `localhost`, 127.0.0.0/8 and [::1]. A name such as
 * `www.localhost` is not: it would go through a proxy, token and all, in clear text.
 */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function parseApiUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError('api-url', `"${raw}" is not a valid URL. Use the origin of the Mogplex API, e.g. ${DEFAULT_API_URL}.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new InputError(
      'api-url',
      `must use https:// (plain http:// is allowed only for a loopback host such as 127.0.0.1), so the token never travels in clear text; got ${url.protocol}//${url.host}.`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new InputError('api-url', `must be a plain origin without credentials, query or fragment, e.g. ${DEFAULT_API_URL}.`);
  }
  // The newer docs set MOGPLEX_BASE_URL to the API base: the client appends /api/v1/mogplex itself.
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1\/mogplex$/, '');
  return `${url.origin}${path}`;
}

function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  if (raw === '') return fallback;
  if (/^true$/i.test(raw)) return true;
  if (/^false$/i.test(raw)) return false;
  throw new InputError(name, `must be \`true\` or \`false\`, got "${raw}".`);
}

function parsePositive(name: string, raw: string, fallback: number, options: { integer: boolean; max: number }): number {
  if (raw === '') return fallback;
  const value = Number(raw);
  const shape = options.integer ? /^\d+$/ : /^\d+(\.\d+)?$|^\.\d+$/;
  if (!shape.test(raw) || !(value > 0)) {
    throw new InputError(name, `must be a positive ${options.integer ? 'whole number' : 'number'}, got "${raw}".`);
  }
  if (value > options.max) throw new InputError(name, `must be at most ${options.max}, got ${raw}.`);
  return value;
}

function parseChoice<T extends string>(name: string, raw: string, choices: readonly T[]): T {
  const found = choices.find((choice) => choice === raw);
  if (found === undefined) {
    throw new InputError(name, `must be one of ${choices.map((c) => `\`${c}\``).join(', ')}, got "${raw}".`);
  }
  return found;
}

/** Whether `repo` names the repository the workflow's event is about (a repo id cannot be told before a request: no). */
export function targetsEventRepository(repo: RepoRef, context: WorkflowContext): boolean {
  return repo.kind === 'name' && repo.fullName.toLowerCase() === context.repository.toLowerCase();
}

function parseRepo(raw: string): RepoRef {
  if (UUID.test(raw)) return { kind: 'id', id: raw.toLowerCase() };
  if (FULL_NAME.test(raw)) return { kind: 'name', fullName: raw };
  throw new InputError('repo', `"${raw}" is neither a Mogplex repo id (UUID) nor \`owner/name\`.`);
}

function parseRootDirectory(raw: string): string | undefined {
  if (raw === '') return undefined;
  // The server refuses `..` and its URL-encoded forms as a segment.
  const climbs = raw.split(/[\\/]/).some((segment) => /^(\.\.|%2e|%2e%2e|\.%2e|%2e\.)$/i.test(segment));
  if (raw.startsWith('/') || climbs || raw.includes('\0')) {
    throw new InputError(
      'root-directory',
      `must be a path relative to the repository root without \`..\` (or \`%2e\`) segments, got "${raw}".`,
    );
  }
  return raw;
}

function parseMode(raw: string, harness: Harness): Mode | undefined {
  if (raw === '') return undefined;
  if (harness === 'mogplex') {
    throw new InputError(
      'mode',
      'must be empty with `harness: mogplex`: the Mogplex harness takes no execution mode (Mogplex refuses one).',
    );
  }
  const mode = MODES.find((m) => m === raw.toLowerCase());
  if (mode === undefined) {
    throw new InputError(
      'mode',
      `must be one of \`auto\` (the default), \`safe\` (the agent does not change the checkout) or \`yolo\` (skip the agent's permission checks), in any case; got "${raw}".`,
    );
  }
  return mode;
}

// What an HTTP header can carry: printable ASCII. Anything else fails in the
// HTTP stack at send time, which looks like a network error.
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/** At most 4 bytes a character in UTF-8: a longer file cannot be a prompt Mogplex accepts. */
const MAX_PROMPT_BYTES = MAX_PROMPT_CHARS * 4;

function isInside(path: string, directory: string): boolean {
  const rel = relative(directory, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * The prompt file, held to the workspace: its real path (links followed) must
 * be a regular file inside GITHUB_WORKSPACE, and only as many bytes as a
 * prompt may hold are read (the file is named by an input: untrusted).
 */
function readPromptFile(promptFile: string, workspace: string): string {
  return readWorkspaceFile(
    'prompt-file',
    promptFile,
    workspace,
    MAX_PROMPT_BYTES,
    `Mogplex accepts at most ${MAX_PROMPT_CHARS} characters`,
  );
}

/** A file named by input `name`: its real path must be a regular file in the workspace, read up to `maxBytes`. */
function readWorkspaceFile(name: string, file: string, workspace: string, maxBytes: number, why: string): string {
  const root = realpathSync(workspace);
  let path: string;
  try {
    path = realpathSync(resolve(root, file));
  } catch {
    throw new InputError(
      name,
      `no file at "${file}" (resolved from the workspace ${root}). Check the path, and that the repository is checked out before this step.`,
    );
  }
  if (!isInside(path, root)) {
    throw new InputError(
      name,
      `"${file}" resolves to ${path}, outside the workspace ${root} (links are followed). Keep the file in the repository's checkout.`,
    );
  }
  // Non-blocking: opening a FIFO must not hang the step.
  const fd = openSync(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) {
      throw new InputError(name, `"${file}" is not a regular file (a directory or a device?). Point it at a text file.`);
    }
    const buffer = Buffer.alloc(maxBytes + 1);
    const size = readSync(fd, buffer, 0, buffer.length, 0);
    if (size > maxBytes) throw new InputError(name, `"${file}" is larger than ${maxBytes} bytes; ${why}.`);
    return buffer.subarray(0, size).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function readPrompt(prompt: string, promptFile: string, workspace: string, optional: boolean): string {
  if (prompt !== '' && promptFile !== '') {
    throw new InputError('prompt', 'give either `prompt` or `prompt-file`, not both.');
  }
  const source = promptFile === '' ? 'prompt' : 'prompt-file';
  const text = promptFile === '' ? prompt : readPromptFile(promptFile, workspace);
  if (text.trim() === '' && !(optional && promptFile === '')) {
    throw new InputError(
      source,
      source === 'prompt' ? 'is required: set `prompt` (the task for the agent) or `prompt-file`.' : 'is empty: the agent needs a task.',
    );
  }
  if (text.length > MAX_PROMPT_CHARS) {
    throw new InputError(source, `is ${text.length} characters long; Mogplex accepts at most ${MAX_PROMPT_CHARS}. Shorten it.`);
  }
  return text;
}

function readToken(raw: string, context: WorkflowContext): string {
  if (raw === '') {
    if (context.fromFork) {
      throw new InputError(
        'token',
        'is empty because this pull request comes from a fork, and GitHub does not give repository secrets to workflows triggered by forks. ' +
          'Options: run the action only for pull requests from this repository (`if: github.event.pull_request.head.repo.full_name == github.repository`), ' +
          "or start it with `workflow_dispatch` or a label after a maintainer has read the change. (`pull_request_target` has the secrets but runs for code a stranger wrote: safe only when no step checks out or reads the fork's code, and it needs `base-branch` set, since the fork's branches are not in this repository.)",
      );
    }
    throw new InputError(
      'token',
      'is required: set `token: ${{ secrets.MOGPLEX_TOKEN }}` (a Mogplex personal access token, `mog_...`) or the MOGPLEX_TOKEN environment variable.',
    );
  }
  if (/\s/.test(raw)) throw new InputError('token', 'contains white space; paste the token without spaces or line breaks.');
  if (!HEADER_SAFE.test(raw)) {
    throw new InputError(
      'token',
      'contains characters a token cannot hold (non-ASCII or invisible ones such as a zero-width space); paste it again from Mogplex.',
    );
  }
  return raw;
}

export interface ReadSettingsOptions {
  getInput: GetInput;
  context: WorkflowContext;
  env?: NodeJS.ProcessEnv;
  /** Called with the token as soon as it is read, before anything can print it. */
  onSecret?: (secret: string) => void;
  /** Comment mode: `prompt` / `prompt-file` hold standing instructions, and may be left empty. */
  standingPrompt?: boolean;
}

/** Where and as whom to talk to Mogplex: all the post step needs. */
export function readConnection({ getInput, context, env = process.env, onSecret }: ReadSettingsOptions): { token: string; apiUrl: string } {
  const token = getInput('token').trim() || (env.MOGPLEX_TOKEN ?? '').trim();
  if (token !== '') onSecret?.(token);
  return {
    token: readToken(token, context),
    apiUrl: parseApiUrl(getInput('api-url').trim() || (env.MOGPLEX_BASE_URL ?? '').trim() || DEFAULT_API_URL),
  };
}

/** Inputs that only starting a run takes: with `run-id` the step starts nothing, so they would be ignored silently. */
const START_ONLY_INPUTS = ['prompt', 'prompt-file', 'mode', 'base-branch', 'working-branch', 'root-directory', 'idempotency-key'] as const;

/** The inputs that only starting a run takes, as they are set. */
function startOnlyInputs(input: (name: string) => string): string[] {
  return [
    ...START_ONLY_INPUTS.filter((name) => input(name) !== ''),
    ...(/^true$/i.test(input('create-branch')) ? ['create-branch'] : []),
    ...(!['', 'codex'].includes(input('harness')) ? ['harness'] : []),
  ];
}

/** `run-id`: a run to follow instead of starting one; undefined when empty. */
function readAttachRunId(input: (name: string) => string): string | undefined {
  const runId = input('run-id');
  if (runId === '') return undefined;
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(runId)) {
    throw new InputError('run-id', `"${runId}" is not a Mogplex run id; pass the \`run-id\` output of the step that started the run.`);
  }
  const startOnly = startOnlyInputs(input);
  if (startOnly.length > 0) {
    throw new InputError(
      startOnly[0] ?? 'run-id',
      `starts a run, but \`run-id\` is set: the step follows run ${runId} and starts nothing. Remove ${startOnly.map((name) => `\`${name}\``).join(', ')}, or \`run-id\` to start a run.`,
    );
  }
  if (/^false$/i.test(input('wait')))
    throw new InputError('wait', 'cannot be `false` with `run-id`: following the run is all the step does.');
  return runId;
}

const INPUT_KEY = /^[a-z][a-z0-9_]{0,63}$/;
const MAX_AUTOMATION_INPUT_BYTES = 512 * 1024;

/**
 * `automation-input`: an object, as JSON or YAML (the YAML parser loads only
 * then), with keys as the server accepts them (`^[a-z][a-z0-9_]{0,63}$`, at
 * most 32, 512 KiB in all). What each key must hold is the automation's own
 * rule: the server says so when it refuses.
 */
export async function readAutomationInput(text: string): Promise<Record<string, unknown>> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = text.trim().startsWith('{') ? JSON.parse(text) : (await import('yaml')).parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new InputError(
      'automation-input',
      `is neither JSON nor YAML (${inline(error instanceof Error ? error.message : String(error), 200)}).`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('automation-input', 'must be an object of named inputs, e.g. `{"ticket": "WEB-42"}` or `ticket: WEB-42`.');
  }
  const keys = Object.keys(value);
  const bad = keys.find((key) => !INPUT_KEY.test(key));
  if (bad !== undefined) {
    throw new InputError(
      'automation-input',
      `key "${inline(bad, 80)}" is not one Mogplex accepts: lower-case letters, digits and \`_\`, starting with a letter, at most 64.`,
    );
  }
  if (keys.length > 32) throw new InputError('automation-input', `has ${keys.length} keys; an automation takes at most 32.`);
  if (Buffer.byteLength(JSON.stringify(value)) > MAX_AUTOMATION_INPUT_BYTES) {
    throw new InputError('automation-input', 'is larger than the 512 KiB Mogplex accepts.');
  }
  return value as Record<string, unknown>;
}

const ARTIFACT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/;
/** The server's rule for an artifact's path: `.mogplex/artifacts/<name>.json`, at most 240 characters. */
export const artifactPath = (name: string): string => `.mogplex/artifacts/${name}.json`;

function parseArtifactNames(raw: string): string[] | undefined {
  const names = [
    ...new Set(
      raw
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    ),
  ];
  if (names.length === 0) return undefined;
  for (const name of names) {
    if (!ARTIFACT_NAME.test(name) || artifactPath(name).length > 240) {
      throw new InputError(
        'artifact',
        `"${name}" is not an artifact name: use letters, digits, \`_\` and \`-\` (starting with a letter or digit), without \`.json\`, one name a line.`,
      );
    }
  }
  return names;
}

/** `artifact-schema`: a JSON Schema inline, or a path to a JSON file in the workspace. */
function parseArtifactSchema(raw: string, workspace: string): Record<string, unknown> | undefined {
  if (raw === '') return undefined;
  const text = raw.startsWith('{') ? raw : readWorkspaceFile('artifact-schema', raw, workspace, 1024 * 1024, 'a schema is not that large');
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      'artifact-schema',
      `is not valid JSON (${error instanceof Error ? error.message : String(error)}): give a JSON Schema object, inline or as a file.`,
    );
  }
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new InputError('artifact-schema', 'must be a JSON Schema object (`{ "type": "object", ... }`).');
  }
  return schema as Record<string, unknown>;
}

/** What the agent is told about the artifacts the step will read. */
function artifactInstructions(names: readonly string[], schema: Record<string, unknown> | undefined): string {
  const files = names.map((name) => `\`${artifactPath(name)}\``).join(', ');
  const shape = schema
    ? `\nEach must be valid JSON matching this JSON Schema:\n\n\`\`\`json\n${JSON.stringify(schema, null, 2)}\n\`\`\``
    : '';
  return `\n\n---\nWhen you are done, write your result as JSON to ${files} and commit ${names.length > 1 ? 'them' : 'it'} with your other changes: the workflow reads ${names.length > 1 ? 'these files' : 'this file'}.${shape}`;
}

/** `automation-id`: trigger that automation instead of starting a run; undefined when empty. */
function readAutomationId(input: (name: string) => string): string | undefined {
  const id = input('automation-id');
  if (id === '') {
    if (input('automation-input') !== '')
      throw new InputError('automation-input', 'is set without `automation-id`: name the automation to trigger.');
    return undefined;
  }
  if (!UUID.test(id))
    throw new InputError('automation-id', `"${id}" is not an automation id (a UUID, from the automation's page in Mogplex).`);
  if (input('run-id') !== '')
    throw new InputError('run-id', 'cannot be set with `automation-id`: the step either triggers an automation or follows a run.');
  // A trigger takes an Idempotency-Key too: `idempotency-key` still overrides the derived one.
  const startOnly = startOnlyInputs(input).filter((name) => name !== 'idempotency-key');
  if (startOnly.length > 0) {
    throw new InputError(
      startOnly[0] ?? 'automation-id',
      `is for starting a run, but \`automation-id\` is set: the automation holds its instructions, harness and branches. Remove ${startOnly.map((name) => `\`${name}\``).join(', ')}, and pass what the automation needs in \`automation-input\`.`,
    );
  }
  if (input('artifact') !== '') throw new InputError('artifact', 'is for runs the step starts: an automation job has no artifact route.');
  return id.toLowerCase();
}

/** Reads and validates every input; throws InputError on the first bad one. */
export function readSettings(options: ReadSettingsOptions): Settings {
  const { getInput, context, env = process.env } = options;
  const input = (name: string): string => getInput(name).trim();
  const automationId = readAutomationId(input);
  const attachRunId = readAttachRunId(input);
  const artifacts = parseArtifactNames(getInput('artifact'));
  const artifactSchema = artifacts ? parseArtifactSchema(input('artifact-schema'), env.GITHUB_WORKSPACE ?? process.cwd()) : undefined;
  // Mogplex serves artifacts only for a run on its own branch: `artifact` asks for one unless told otherwise.
  const branchForArtifacts = artifacts !== undefined && attachRunId === undefined;
  if (branchForArtifacts && /^false$/i.test(input('create-branch'))) {
    throw new InputError(
      'create-branch',
      'is `false`, but `artifact` needs a run on a branch of its own (Mogplex serves artifacts only then). Leave `create-branch` empty (or `true`), or drop `artifact`.',
    );
  }
  const settings: Settings = {
    ...readConnection(options),
    repo: parseRepo(input('repo') || context.repository),
    prompt:
      attachRunId === undefined && automationId === undefined
        ? readPrompt(getInput('prompt'), input('prompt-file'), env.GITHUB_WORKSPACE ?? process.cwd(), options.standingPrompt ?? false)
        : '',
    harness: parseChoice('harness', input('harness') || 'codex', HARNESSES),
    createBranch: parseBoolean('create-branch', input('create-branch'), branchForArtifacts),
    wait: parseBoolean('wait', input('wait'), true),
    timeoutMs: parsePositive('timeout-minutes', input('timeout-minutes'), 30, { integer: false, max: 360 }) * 60_000,
    cancelOnTimeout: parseBoolean('cancel-on-timeout', input('cancel-on-timeout'), true),
    requestsPerMinute: parsePositive('requests-per-minute', input('requests-per-minute'), DEFAULT_REQUESTS_PER_MINUTE, {
      integer: true,
      max: MAX_REQUESTS_PER_MINUTE,
    }),
    shareFirstMinute: input('requests-per-minute') === '',
    logLevel: parseChoice('log-level', input('log-level') || 'events', LOG_LEVELS),
    commentOnPr: parseBoolean('comment-on-pr', input('comment-on-pr'), false),
    requireChanges: parseBoolean('require-changes', input('require-changes'), false),
    githubToken: '',
  };
  // A run taken up by id has its branches already.
  const branches =
    attachRunId === undefined && automationId === undefined
      ? chooseBranches(
          { base: input('base-branch'), working: input('working-branch'), createBranch: settings.createBranch },
          context,
          targetsEventRepository(settings.repo, context),
        )
      : {};
  const { baseBranch, workingBranch } = branches;
  if (settings.createBranch && workingBranch !== undefined && workingBranch === baseBranch) {
    throw new InputError(
      'working-branch',
      'equals `base-branch` while `create-branch` is true; name a new branch or leave `working-branch` empty to get a generated one.',
    );
  }
  // The GitHub token is read (and masked) only when a GitHub call needs it.
  if (settings.commentOnPr || branches.pullRequestHead) {
    settings.githubToken = input('github-token');
    if (settings.githubToken === '' && settings.commentOnPr) {
      throw new InputError(
        'github-token',
        'is empty while `comment-on-pr` is true; leave it at its default `${{ github.token }}` or pass a token that may write pull request comments.',
      );
    }
    if (settings.githubToken !== '') options.onSecret?.(settings.githubToken);
  }
  const rootDirectory = parseRootDirectory(input('root-directory'));
  const mode = parseMode(input('mode'), settings.harness);
  if (settings.harness === 'mogplex' && !settings.createBranch && workingBranch !== undefined && workingBranch === (baseBranch ?? '')) {
    throw new InputError(
      'working-branch',
      'equals `base-branch`: the `mogplex` harness needs a working branch of its own. Leave `working-branch` empty (Mogplex makes one) or name a new branch.',
    );
  }
  const idempotencyKey = input('idempotency-key');
  if (idempotencyKey.length > 200)
    throw new InputError('idempotency-key', `is ${idempotencyKey.length} characters long; at most 200 are allowed.`);
  if (idempotencyKey !== '' && !/^[\x20-\x7e]+$/.test(idempotencyKey)) {
    throw new InputError(
      'idempotency-key',
      'may hold only printable ASCII characters (no line breaks or invisible characters): it is sent as an HTTP header.',
    );
  }
  // The agent is told where to write each artifact, and its shape.
  const prompt = branchForArtifacts ? settings.prompt + artifactInstructions(artifacts, artifactSchema) : settings.prompt;
  if (prompt.length > MAX_PROMPT_CHARS) {
    throw new InputError(
      'artifact',
      `with the artifact instructions the prompt is longer than the ${MAX_PROMPT_CHARS} characters Mogplex accepts; shorten the prompt or the schema.`,
    );
  }
  return {
    ...settings,
    prompt,
    ...(baseBranch !== undefined && { baseBranch }),
    ...(workingBranch !== undefined && { workingBranch }),
    ...(rootDirectory !== undefined && { rootDirectory }),
    ...(mode !== undefined && { mode }),
    ...(branches.pullRequestHead && { pullRequestHead: branches.pullRequestHead }),
    ...(idempotencyKey !== '' && { idempotencyKey }),
    ...(attachRunId !== undefined && { attachRunId }),
    ...(automationId !== undefined && { automation: { id: automationId, inputText: input('automation-input') } }),
    ...(artifacts !== undefined && { artifacts }),
    ...(artifactSchema !== undefined && { artifactSchema }),
    ...(branchForArtifacts && input('create-branch') === '' && { artifactImpliesBranch: true }),
    ...(input('max-tool-calls') !== '' && {
      maxToolCalls: parsePositive('max-tool-calls', input('max-tool-calls'), 0, { integer: true, max: 1_000_000 }),
    }),
  };
}
