// package.json: what a fresh `npm ci` installs, and what the npm scripts run.
import { describe, expect, it } from 'vitest';
import { isRecord, read, readYaml } from './repo-files.js';

const pkg = JSON.parse(read('package.json')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, unknown> };

describe('package.json', () => {
  it('does not install @github/local-action (a debugging tool run on demand, with 300 packages of its own)', () => {
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })).not.toContain('@github/local-action');
    expect(Object.keys(lock.packages).filter((path) => path.includes('@github/local-action'))).toEqual([]);
  });

  it('npm run local-action fetches a pinned @github/local-action with npx', () => {
    expect(pkg.scripts['local-action']).toMatch(/^npx --yes @github\/local-action@\d+\.\d+\.\d+ run \. /);
  });

  it('test:unit neither bundles nor runs the end-to-end or bench tests; npm test leaves the bench to test:bench', () => {
    const unit = pkg.scripts['test:unit'] ?? '';
    expect(unit).not.toContain('npm run package');
    expect(unit).toContain('--exclude "test/e2e/**"');
    expect(unit).toContain('--exclude "test/bench/**"');
    expect(pkg.scripts.test).toMatch(/^npm run package --silent && vitest run --coverage --exclude "test\/bench\/\*\*"$/);
    expect(pkg.scripts['test:bench']).toMatch(/vitest run test\/bench$/);
  });

  it('the `node` dev dependency (first on the npm scripts PATH) is the Node the action runs on', () => {
    const runsOn = readYaml('action.yml').runs;
    const using = isRecord(runsOn) ? String(runsOn.using) : '';
    const major = /^node(\d+)$/.exec(using)?.[1];
    expect(pkg.devDependencies.node).toMatch(new RegExp(`^\\^${major}\\.`));
    expect(read('.node-version').trim()).toBe(major);
  });
});
