// Structured output: JSON files a successful run committed under
// `.mogplex/artifacts/` (newer server, GET /runs/{id}/artifact), read after
// the run and checked against `artifact-schema` with ajv, which loads only
// when that input is set.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MogplexClient } from '../api/client.js';
import { ApiError, describeError } from '../api/errors.js';
import { InputError } from '../inputs/input-error.js';
import { artifactPath } from '../inputs/settings.js';
import { inline } from '../plumbing/sanitize.js';

/** Checks a value against the schema: the problems, each naming where it is. */
export type ArtifactCheck = (name: string, value: unknown) => string[];

/** Compiles `artifact-schema`; an invalid schema is an input error, before any request. */
export async function compileArtifactSchema(schema: Record<string, unknown>): Promise<ArtifactCheck> {
  // ajv is CommonJS: depending on the loader its class is the namespace's `Ajv`, its `default`, or the default's `default`.
  const loaded = (await import('ajv')) as unknown as { Ajv?: unknown; default?: unknown };
  const candidates = [loaded.Ajv, loaded.default, (loaded.default as { default?: unknown } | undefined)?.default];
  const AjvClass = candidates.find((candidate) => typeof candidate === 'function') as typeof import('ajv').Ajv;
  const ajv = new AjvClass({ allErrors: true, strict: false });
  let validate: ReturnType<typeof ajv.compile>;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    throw new InputError(
      'artifact-schema',
      `is not a JSON Schema ajv can use: ${inline(error instanceof Error ? error.message : String(error), 300)}.`,
    );
  }
  return (name, value) =>
    validate(value)
      ? []
      : (validate.errors ?? []).slice(0, 20).map((e) => `${name}${e.instancePath || ''} ${inline(e.message ?? 'does not match', 200)}`);
}

/** Why an artifact could not be read, for each answer of the route. */
function whyUnreadable(name: string, error: unknown): string {
  const path = `\`${artifactPath(name)}\``;
  if (error instanceof ApiError) {
    if (error.status === 404 && error.code === '') {
      return 'This Mogplex server has no artifact route (it predates structured output): upgrade Mogplex, or drop `artifact`.';
    }
    if (error.status === 404)
      return `The agent did not write ${path} (or did not commit it): Mogplex answered "${inline(error.detail, 100)}".`;
    if (error.status === 409) {
      return `Mogplex serves artifacts only for a successful run on a branch of its own ("${inline(error.detail, 100)}"): leave \`create-branch\` empty or \`true\` with \`artifact\`.`;
    }
    if (error.status === 400) return `${path} could not be read: ${inline(error.detail, 200)}.`;
    if (error.status >= 500)
      return `Mogplex could not read ${path} (HTTP ${error.status}), also after retries: re-run the job to read it again.`;
  }
  return `${path} could not be read: ${describeError(error)}`;
}

export interface ArtifactsRead {
  /** The value for one name, an object keyed by name for several. */
  value: unknown;
  /** A file under RUNNER_TEMP holding all of it. */
  file: string;
}

/** Reads each artifact of a successful run; the first that cannot be read, or does not match, fails the step. */
export async function readArtifacts(
  client: MogplexClient,
  runId: string,
  names: readonly string[],
  schema: Record<string, unknown> | undefined,
  directory = process.env.RUNNER_TEMP || tmpdir(),
): Promise<{ read?: ArtifactsRead; failure?: string }> {
  const check = schema ? await compileArtifactSchema(schema) : undefined;
  const values: Record<string, unknown> = {};
  for (const name of names) {
    try {
      values[name] = (await client.getArtifact(runId, artifactPath(name))).content;
    } catch (error) {
      return { failure: whyUnreadable(name, error) };
    }
  }
  const value = names.length === 1 ? values[names[0] ?? ''] : values;
  // Run ids are held to [A-Za-z0-9_-] when parsed, so the name is safe.
  const file = join(directory, `mogplex-artifact-${runId}.json`);
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  const problems = check ? names.flatMap((name) => check(name, values[name])) : [];
  if (problems.length > 0) {
    return { read: { value, file }, failure: `The artifact does not match \`artifact-schema\`: ${problems.join('; ')}.` };
  }
  return { read: { value, file } };
}
