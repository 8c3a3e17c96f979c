// npm run docs:scenarios: rewrites the README's list of demo scenarios from
// simulator/scenarios.ts (test/repo/docs.test.ts fails while it is stale).
import { readFile, writeFile } from 'node:fs/promises';
import { withScenarioList } from './demo-scenarios.js';

const path = new URL('../README.md', import.meta.url);
const before = await readFile(path, 'utf8');
const after = withScenarioList(before);
if (after === before) console.log('README.md: the scenario list is current.');
else {
  await writeFile(path, after);
  console.log('README.md: scenario list rewritten.');
}
