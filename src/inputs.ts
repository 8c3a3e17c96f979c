import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { WorkflowContext } from './github-context.js';

export const HARNESSES = ['codex', 'claude-code'] as const;
export type Harness = (typeof HARNESSES)[number];
export const LOG_LEVELS = ['events', 'quiet', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const MAX_PROMPT_CHARS = 100_000;
export const MAX_REQUESTS_PER_MINUTE = 60;
const DEFAULT_REQUESTS_PER_MINUTE = 20;
const DEFAULT_API_URL = 'https://www.mogplex.com';

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
  mode?: string;
  idempotencyKey?: string;
  wait: boolean;
  timeoutMs: number;
  cancelOnTimeout: boolean;
  requestsPerMinute: number;
  /** No cap was given: hold to a share of the token in the first minute, when steps started together all begin. */
  shareFirstMinute: boolean;
  logLevel: LogLevel;
  commentOnPr: boolean;
  githubToken: string;
}

/** A bad input: names the input and says how to fix it. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    detail: string,
  ) {
    super(`Input \`${input}\`: ${detail}`);
    this.name = 'InputError';
  }
}

export type GetInput = (name: string) => string;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FULL_NAME = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/** The server's git ref rules (mogplex-api.md); returns what is wrong, or undefined. */
export function branchProblem(name: string): string | undefined {
  if (/[\s\u0000-\u001f\u007f]/.test(name)) return 'must not contain spaces or control characters';
  if (name.includes('..')) return 'must not contain `..`';
  if (name.includes('//')) return 'must not contain `//`';
  if (name.includes('@{')) return 'must not contain `@{`';
  if (/[~^:?*[\\]/.test(name)) return 'must not contain any of ~ ^ : ? * [ \\';
  if (name.startsWith('/') || name.endsWith('/')) return 'must not start or end with `/`';
  if (name.endsWith('.') || name.endsWith('.lock')) return 'must not end with `.` or `.lock`';
  return undefined;
}

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
    throw new InputError('api-url', 'must be a plain origin without credentials, query or fragment, e.g. https://www.mogplex.com.');
  }
  // Tolerate a pasted API base: the client appends /api/v1/mogplex itself.
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

function parseBranch(name: string, raw: string): string | undefined {
  if (raw === '') return undefined;
  const problem = branchProblem(raw);
  if (problem) throw new InputError(name, `"${raw}" is not a valid branch name: it ${problem}.`);
  return raw;
}

function parseRepo(raw: string): RepoRef {
  if (UUID.test(raw)) return { kind: 'id', id: raw.toLowerCase() };
  if (FULL_NAME.test(raw)) return { kind: 'name', fullName: raw };
  throw new InputError('repo', `"${raw}" is neither a Mogplex repo id (UUID) nor \`owner/name\`.`);
}

function parseRootDirectory(raw: string): string | undefined {
  if (raw === '') return undefined;
  if (raw.startsWith('/') || raw.split(/[\\/]/).includes('..')) {
    throw new InputError('root-directory', `must be a path relative to the repository root without \`..\`, got "${raw}".`);
  }
  return raw;
}

function readPrompt(prompt: string, promptFile: string, workspace: string): string {
  if (prompt !== '' && promptFile !== '') {
    throw new InputError('prompt', 'give either `prompt` or `prompt-file`, not both.');
  }
  let text = prompt;
  let source = 'prompt';
  if (promptFile !== '') {
    source = 'prompt-file';
    const path = isAbsolute(promptFile) ? promptFile : resolve(workspace, promptFile);
    let isFile = false;
    try {
      isFile = statSync(path).isFile();
    } catch {
      throw new InputError(
        'prompt-file',
        `no file at "${promptFile}" (resolved from the workspace to ${path}). Check the path, and that the repository is checked out before this step.`,
      );
    }
    if (!isFile)
      throw new InputError('prompt-file', `"${promptFile}" is not a file (a directory?). Point it at a text file holding the prompt.`);
    text = readFileSync(path, 'utf8');
  }
  if (text.trim() === '') {
    throw new InputError(
      source,
      source === 'prompt' && promptFile === ''
        ? 'is required: set `prompt` (the task for the agent) or `prompt-file`.'
        : 'is empty: the agent needs a task.',
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
          'or trigger it on `pull_request_target` or a label/`workflow_dispatch` after a maintainer has reviewed the change.',
      );
    }
    throw new InputError(
      'token',
      'is required: set `token: ${{ secrets.MOGPLEX_TOKEN }}` (a Mogplex personal access token, `mog_...`) or the MOGPLEX_TOKEN environment variable.',
    );
  }
  if (/\s/.test(raw)) throw new InputError('token', 'contains white space; paste the token without spaces or line breaks.');
  return raw;
}

export interface ReadSettingsOptions {
  getInput: GetInput;
  context: WorkflowContext;
  env?: NodeJS.ProcessEnv;
  /** Called with the token as soon as it is read, before anything can print it. */
  onSecret?: (secret: string) => void;
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

/** Reads and validates every input; throws InputError on the first bad one. */
export function readSettings(options: ReadSettingsOptions): Settings {
  const { getInput, context, env = process.env } = options;
  const input = (name: string): string => getInput(name).trim();
  const settings: Settings = {
    ...readConnection(options),
    repo: parseRepo(input('repo') || context.repository),
    prompt: readPrompt(getInput('prompt'), input('prompt-file'), env.GITHUB_WORKSPACE ?? process.cwd()),
    harness: parseChoice('harness', input('harness') || 'codex', HARNESSES),
    createBranch: parseBoolean('create-branch', input('create-branch'), false),
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
    githubToken: '',
  };
  // The GitHub token is read (and masked) only when a comment is asked for.
  if (settings.commentOnPr) {
    settings.githubToken = input('github-token');
    if (settings.githubToken === '') {
      throw new InputError(
        'github-token',
        'is empty while `comment-on-pr` is true; leave it at its default `${{ github.token }}` or pass a token that may write pull request comments.',
      );
    }
    options.onSecret?.(settings.githubToken);
  }
  const baseBranch = parseBranch('base-branch', input('base-branch') || (context.pullRequestHeadRef ?? ''));
  const workingBranch = parseBranch('working-branch', input('working-branch'));
  const rootDirectory = parseRootDirectory(input('root-directory'));
  const mode = input('mode');
  const idempotencyKey = input('idempotency-key');
  if (idempotencyKey.length > 200)
    throw new InputError('idempotency-key', `is ${idempotencyKey.length} characters long; at most 200 are allowed.`);
  if (settings.createBranch && workingBranch !== undefined && workingBranch === baseBranch) {
    throw new InputError(
      'working-branch',
      'equals `base-branch` while `create-branch` is true; name a new branch or leave `working-branch` empty to get a generated one.',
    );
  }
  return {
    ...settings,
    ...(baseBranch !== undefined && { baseBranch }),
    ...(workingBranch !== undefined && { workingBranch }),
    ...(rootDirectory !== undefined && { rootDirectory }),
    ...(mode !== '' && { mode }),
    ...(idempotencyKey !== '' && { idempotencyKey }),
  };
}
