// Start-request normalization, ported from the real server
// (lib/mogplex-api/runs-normalize.ts, lib/sandbox/launch-config.ts) so that
// validation errors and idempotency hashing behave the same way.
import { createHash } from 'node:crypto';
import type { Harness, JsonObject, NormalizedStartRequest, RepoRecord } from './types.js';

export const MAX_PROMPT_LENGTH = 100_000;
const HARNESSES: readonly Harness[] = ['codex', 'claude-code'];

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
): NormalizeResult {
  const repoId = optionalString(body['repoId']);
  if (!repoId) throw bad('repoId is required');
  const repo = findRepo(repoId);
  if (!repo) throw new StartRequestError('NOT_FOUND', 'Repo not found', 404);

  const prompt = optionalString(body['prompt']);
  if (!prompt) throw bad('Prompt is required');
  if (prompt.length > MAX_PROMPT_LENGTH) throw bad('Prompt is too long');

  const harnessText = optionalString(body['harness']) ?? 'codex';
  const harness = HARNESSES.find((h) => h === harnessText);
  if (!harness) throw bad('Invalid harness');

  const baseBranch = optionalString(body['baseBranch']) ?? optionalString(repo.default_branch) ?? 'main';
  if (!isValidBranchName(baseBranch)) throw bad('Invalid base branch');

  const createBranch = body['createBranch'] === true; // only literal true counts
  const preliminary = {
    repoId,
    prompt,
    harness,
    baseBranch,
    createBranch,
    rootDirectory: rootDirectory(body['rootDirectory'], repo.root_directory),
    conversationId: optionalString(body['conversationId']),
    workspaceSessionId: optionalString(body['workspaceSessionId']),
    mode: optionalString(body['mode']),
  };
  // As on the server: the generated branch derives from the key and the
  // pre-branch request, so a retry with the same key gets the same branch.
  const preHash = hashRequest(preliminary);
  const keyHash = createHash('sha256').update(idempotencyKey).digest('hex');
  const workingBranch =
    optionalString(body['workingBranch']) ?? (createBranch ? `mogplex/external/${keyHash.slice(0, 8)}-${preHash.slice(0, 8)}` : baseBranch);
  if (!isValidBranchName(workingBranch)) throw bad('Invalid working branch');
  if (createBranch && workingBranch === baseBranch) {
    throw bad('Working branch must differ from base branch when createBranch is true');
  }

  const normalized: NormalizedStartRequest = { ...preliminary, workingBranch };
  return { normalized, requestHash: hashRequest(normalized) };
}
