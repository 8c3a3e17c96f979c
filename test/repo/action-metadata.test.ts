// action.yml, checked against what GitHub accepts for a JavaScript action.
//
// @action-validator/core 0.6.0 validates the metadata against its bundled JSON
// schema, but that schema predates `using: node24` and rejects it. So the file
// is validated with that one value swapped for `node20` (everything else as
// written, the branding icon list included), and the runtime, the entry
// points and the rest are checked here.
import { validateAction } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parseActionManifest } from '../support/action-manifest.js';
import { exists, isRecord, read, readYaml, type Yaml } from './repo-files.js';

const text = read('action.yml');
const action = readYaml('action.yml');
const inputs = (isRecord(action.inputs) ? action.inputs : {}) as Record<string, Yaml>;
const outputs = (isRecord(action.outputs) ? action.outputs : {}) as Record<string, Yaml>;
const runs: Yaml = isRecord(action.runs) ? action.runs : {};

const BRANDING_COLORS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark'];

describe('action.yml', () => {
  it('passes @action-validator/core (with `node24` read as `node20`, which its schema predates)', () => {
    const usingLines = text.split('\n').filter((line) => /^\s+using:/.test(line));
    expect(usingLines).toEqual(['  using: node24']);
    const state = validateAction(text.replace(/^ {2}using: node24$/m, '  using: node20'));
    expect(state.errors).toEqual([]);
  });

  it('@action-validator/core reports a broken action.yml', () => {
    expect(validateAction('name: x\nruns:\n  using: node20\n').errors.length).toBeGreaterThan(0);
  });

  it('has only the keys GitHub reads, with a name, description and author', () => {
    for (const key of Object.keys(action))
      expect(['name', 'author', 'description', 'inputs', 'outputs', 'runs', 'branding']).toContain(key);
    for (const key of ['name', 'description', 'author']) {
      expect(typeof action[key], key).toBe('string');
      expect(String(action[key]).trim(), key).not.toBe('');
    }
  });

  it('runs on node24 with a main and an always-run post step that exist', () => {
    expect(Object.keys(runs).sort()).toEqual(['main', 'post', 'post-if', 'using']);
    expect(runs.using).toBe('node24');
    expect(runs['post-if']).toBe('always()');
    for (const key of ['main', 'post']) {
      expect(runs[key], key).toMatch(/^dist\/[\w.-]+\.js$/);
      expect(exists(String(runs[key])), `${key}: ${String(runs[key])}`).toBe(true);
    }
  });

  it('describes every input; defaults are strings; `required` is a boolean', () => {
    expect(Object.keys(inputs).length).toBeGreaterThan(0);
    for (const [name, spec] of Object.entries(inputs)) {
      expect(name, 'input names are lower-case kebab-case').toMatch(/^[a-z][a-z0-9-]*$/);
      for (const key of Object.keys(spec))
        expect(['description', 'required', 'default', 'deprecationMessage'], `${name}.${key}`).toContain(key);
      expect(typeof spec.description, `${name}.description`).toBe('string');
      expect(String(spec.description).trim(), `${name}.description`).not.toBe('');
      if ('default' in spec) expect(typeof spec.default, `${name}.default (quote it)`).toBe('string');
      if ('required' in spec) expect(typeof spec.required, `${name}.required`).toBe('boolean');
    }
  });

  it('describes every output', () => {
    expect(Object.keys(outputs).length).toBeGreaterThan(0);
    for (const [name, spec] of Object.entries(outputs)) {
      expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(Object.keys(spec), `${name}: a JavaScript action's outputs have only a description`).toEqual(['description']);
      expect(String(spec.description).trim(), `${name}.description`).not.toBe('');
    }
  });

  it('has valid branding', () => {
    const branding = action.branding as Yaml;
    expect(Object.keys(branding).sort()).toEqual(['color', 'icon']);
    expect(BRANDING_COLORS).toContain(branding.color);
    expect(branding.icon).toMatch(/^[a-z0-9-]+$/); // the Feather icon list is in the validator's schema, checked above
  });

  it("agrees with the e2e tests' small action.yml reader (defaults, required, entry points)", () => {
    const manifest = parseActionManifest(text);
    expect(Object.keys(manifest.inputs)).toEqual(Object.keys(inputs));
    for (const [name, spec] of Object.entries(inputs)) {
      expect(manifest.inputs[name]?.default, name).toBe(spec.default);
      expect(manifest.inputs[name]?.required ?? false, name).toBe(spec.required ?? false);
    }
    expect(manifest.runs).toEqual({ using: runs.using, main: runs.main, post: runs.post });
  });
});
