// Start-request normalization, ported from the real server
// (lib/mogplex-api/runs-normalize.ts, lib/sandbox/launch-config.ts) so that
// validation errors and idempotency hashing behave the same way.
import { createHash } from 'node:crypto';
import type { Harness, JsonObject, NormalizedStartRequest, RepoRecord, ServerVersion } from './types.js';

export const MAX_PROMPT_LENGTH = 100_000;
const HARNESSES: Record<ServerVersion, readonly Harness[]> = {
  august: ['codex', 'claude-code'],
  newer: ['mogplex', 'codex', 'claude-code'],
};
/** Legacy CLI orchestration modes: stored as given (lower case, exact), run as AUTO. */
const LEGACY_MODES = new Set(['single', 'multi_agent', 'council', 'review', 'test', 'repair']);
const MODES = new Set(['SAFE', 'AUTO', 'YOLO']);

/** `got "<value>"` as runs-normalize.ts writes it: strings quoted, others as JSON, cut to 40 characters. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** The newer server's mode rule (runs-normalize.ts at eb21a57): SAFE, AUTO, YOLO in any case, or a legacy mode; else 400. */
function normalizeMode(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return null;
    if (LEGACY_MODES.has(trimmed)) return trimmed;
    if (MODES.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  }
  throw bad(`mode must be one of SAFE, AUTO, YOLO (got ${shown(value)})`);
}

/** Any mode at all, of any type, that is not blank. */
function hasMode(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

export class StartRequestError extends Error {
  constructor(
    readonly code: 'BAD_REQUEST' | 'NOT_FOUND',
    message: string,
    readonly status: 400 | 404,
  ) {
    super(message);
  }
}

function bad(message: string): StartRequestError {
  return new StartRequestError('BAD_REQUEST', message, 400);
}

/** Trimmed non-empty string, else null (the server's normalizeOptionalString). */
export function optionalString(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
}

/** Git-ref-like branch check, same rules as isValidSandboxBranchName. */
export function isValidBranchName(branch: string): boolean {
  if (!branch || branch === '@' || branch === 'HEAD') return false;
  if (branch.startsWith('/') || branch.endsWith('/') || branch.endsWith('.')) return false;
  if (branch.endsWith('.lock')) return false;
  if (branch.includes('..') || branch.includes('//') || branch.includes('@{')) return false;
  if (/[\s*:?[\\^~]/.test(branch)) return false;
  return /^[\w./-]+$/.test(branch);
}

/** The server strips `./`, leading and repeated slashes; "" and "." mean repo root. */
function normalizeRootDirectory(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const stripped = trimmed
    .replace(/^\.\/+/, '')
    .replace(/^\/+/, '')
    .replace(/\/+/g, '/')
    .replace(/\/+$/, '');
  return stripped === '' || stripped === '.' ? null : stripped;
}

function rootDirectory(input: unknown, repoDefault: string | null): string | null {
  if (input === undefined) return repoDefault;
  if (input === null) return null;
  if (typeof input !== 'string' || input.includes('\0')) throw bad('Invalid root directory');
  if (/(?:^|\/)%2e(?:%2e)?(?:\/|$)/i.test(input)) throw bad('Invalid root directory');
  const normalized = normalizeRootDirectory(input);
  if (normalized === null) return null;
  if (normalized.split('/').some((seg) => seg === '' || seg === '..')) throw bad('Invalid root directory');
  return normalized;
}

function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${stableStringify(record[key])}`)
    .join(',')}}`;
}

export function hashRequest(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex');
}

export interface NormalizeResult {
  normalized: NormalizedStartRequest;
  requestHash: string;
}

/** Validates and normalizes a start body; `findRepo` resolves the caller's repos. */
export function normalizeStartRequest(
  body: JsonObject,
  idempotencyKey: string,
  findRepo: (id: string) => RepoRecord | undefined,
  server: ServerVersion = 'newer',
): NormalizeResult {
  const repoId = optionalString(body['repoId']);
  if (!repoId) throw bad('repoId is required');
  const repo = findRepo(repoId);
  if (!repo) throw new StartRequestError('NOT_FOUND', 'Repo not found', 404);

  const prompt = optionalString(body['prompt']);
  if (!prompt) throw bad('Prompt is required');
  if (prompt.length > MAX_PROMPT_LENGTH) throw bad('Prompt is too long');

  const harnessText = optionalString(body['harness']) ?? 'codex';
  const harness = HARNESSES[server].find((h) => h === harnessText);
  if (!harness) throw bad('Invalid harness');
  const mogplex = harness === 'mogplex';
  if (mogplex && hasMode(body['mode'])) throw bad('CLI execution modes are not supported by the Mogplex harness');
  if (mogplex && hasMode(body['worktreeId'])) {
    throw bad('Mogplex runs do not yet support assigned worktrees. Use a repository sandbox or a CLI harness.');
  }
  const mode = server === 'newer' ? normalizeMode(body['mode']) : optionalString(body['mode']);

  const baseBranch = optionalString(body['baseBranch']) ?? optionalString(repo.default_branch) ?? 'main';
  if (!isValidBranchName(baseBranch)) throw bad('Invalid base branch');

  // Only literal true counts; the mogplex harness makes its own branch unless told otherwise.
  const createBranch =
    body['createBranch'] === true || (mogplex && !('createBranch' in body) && optionalString(body['workingBranch']) === null);
  const preliminary = {
    repoId,
    prompt,
    harness,
    baseBranch,
    createBranch,
    rootDirectory: rootDirectory(body['rootDirectory'], repo.root_directory),
    conversationId: optionalString(body['conversationId']),
    workspaceSessionId: optionalString(body['workspaceSessionId']),
    mode,
  };
  // As on the server: the generated branch derives from the key and the
  // pre-branch request, so a retry with the same key gets the same branch.
  const preHash = hashRequest(preliminary);
  const keyHash = createHash('sha256').update(idempotencyKey).digest('hex');
  const workingBranch =
    optionalString(body['workingBranch']) ?? (createBranch ? `mogplex/external/${keyHash.slice(0, 8)}-${preHash.slice(0, 8)}` : baseBranch);
  if (!isValidBranchName(workingBranch)) throw bad('Invalid working branch');
  if (mogplex && workingBranch === baseBranch) throw bad('Mogplex runs require an isolated working branch');
  if (createBranch && workingBranch === baseBranch) {
    throw bad('Working branch must differ from base branch when createBranch is true');
  }

  const normalized: NormalizedStartRequest = { ...preliminary, workingBranch };
  return { normalized, requestHash: hashRequest(normalized) };
}
