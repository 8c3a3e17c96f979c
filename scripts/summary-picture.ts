// npm run summary-picture: docs/summary.png, the README's picture of the job
// summary. Runs the built action (dist/index.js) against the local simulator
// as a runner would on a pull request (like `npm run demo`), puts the summary
// it wrote in a page styled like GitHub's job summary, and has headless
// Chromium take the picture.
//
// Needs Chromium (Debian: `apt-get install -y chromium fonts-noto-color-emoji`);
// set CHROMIUM to its path when it is not `chromium` on the PATH.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSimulator } from '../simulator/server.js';
import { REPO_ROOT, runAction } from '../test/support/run-action.js';
import { samplePullRequestRun } from './sample-run.js';

const OUT = join(REPO_ROOT, 'docs', 'summary.png');
const WIDTH = 960;
const SCALE = 2;

function findChromium(): string {
  const candidates = [process.env.CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // not this one
    }
  }
  throw new Error('Chromium not found: install it (Debian: apt-get install -y chromium) or set CHROMIUM to its path.');
}

/** GitHub's job summary: a bordered box, a header naming the job, the Markdown body. */
function page(summaryHtml: string, job: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${job} summary</title>
<style>
  html, body { margin: 0; background: #f6f8fa; }
  body { padding: 24px; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; color: #1f2328; }
  .box { background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
  .box-header { padding: 16px 24px; border-bottom: 1px solid #d1d9e0; font-size: 14px; font-weight: 600; }
  .markdown-body { padding: 8px 24px 24px; font-size: 16px; line-height: 1.5; word-wrap: break-word; }
  .markdown-body h2 { margin: 24px 0 16px; padding-bottom: .3em; font-size: 1.5em; font-weight: 600; line-height: 1.25; border-bottom: 1px solid #d1d9e0b3; }
  .markdown-body h3 { margin: 24px 0 16px; font-size: 1.25em; font-weight: 600; line-height: 1.25; }
  .markdown-body table { display: block; width: max-content; max-width: 100%; overflow: auto; border-spacing: 0; border-collapse: collapse; margin: 0 0 16px; font-variant: tabular-nums; }
  .markdown-body th { font-weight: 600; }
  .markdown-body th, .markdown-body td { padding: 6px 13px; border: 1px solid #d1d9e0; }
  .markdown-body tr { background: #fff; border-top: 1px solid #d1d9e0b3; }
  .markdown-body tr:nth-child(2n) { background: #f6f8fa; }
  .markdown-body code { padding: .2em .4em; margin: 0; font-size: 85%; white-space: break-spaces; background: #818b981f; border-radius: 6px; font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
  .markdown-body details summary { cursor: pointer; }
</style></head>
<body><div class="box"><div class="box-header">${job} summary</div><div class="markdown-body">
${summaryHtml}
</div></div>
<script>document.body.dataset.height = String(Math.ceil(document.documentElement.scrollHeight));</script>
</body></html>
`;
}

function chromiumFlags(profile: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    `--user-data-dir=${profile}`,
  ];
}

const chromium = findChromium();
const work = mkdtempSync(join(tmpdir(), 'summary-picture-'));
const sim = await startSimulator({ scenario: 'success' });
try {
  const result = await runAction({
    ...samplePullRequestRun(sim.url),
    timeoutMs: 120_000,
  });
  await result.cleanup();
  if (result.code !== 0 || result.summary.trim() === '') {
    throw new Error(`the action exited ${result.code} with ${result.summary.length} bytes of summary:\n${result.stdout.slice(-2000)}`);
  }

  const file = join(work, 'summary.html');
  writeFileSync(file, page(result.summary, result.env['GITHUB_JOB'] ?? 'build'));
  const url = pathToFileURL(file).href;

  // First pass: the page's height at this width; second: the picture.
  const dom = execFileSync(chromium, [...chromiumFlags(join(work, 'p1')), `--window-size=${WIDTH},800`, '--dump-dom', url], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const height = Number(/data-height="(\d+)"/.exec(dom)?.[1]);
  if (!(height > 0)) throw new Error('could not measure the page');
  execFileSync(
    chromium,
    [
      ...chromiumFlags(join(work, 'p2')),
      `--window-size=${WIDTH},${height}`,
      `--force-device-scale-factor=${SCALE}`,
      `--screenshot=${OUT}`,
      url,
    ],
    { stdio: 'ignore' },
  );
  console.log(`Wrote ${OUT} (${WIDTH}x${height} CSS pixels at ${SCALE}x).`);
} finally {
  await sim.close();
  rmSync(work, { recursive: true, force: true });
}
