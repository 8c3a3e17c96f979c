// Entry point for `npm run local-action` (@github/local-action; see
// .env.example). That tool imports a module and calls its exported `run()`,
// whereas src/index.ts tells the main and post steps apart by saved state.
// This adapter runs the main step from the sources (src/, not dist/).
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { main } from '../../src/main.js';

export async function run(): Promise<void> {
  // The runner creates the summary file's directory; local-action only the file.
  const summary = process.env['GITHUB_STEP_SUMMARY'];
  if (summary) mkdirSync(dirname(resolve(summary)), { recursive: true });
  await main();
}
