// npm run demo: the built action (dist/index.js) against the local Mogplex
// simulator, run exactly as a GitHub runner would run it on a pull request,
// shown as a person would see it: the log, the job summary and the outputs.
import { startSimulator } from '../simulator/server.js';
import { runAction } from '../test/support/run-action.js';
import { styleFor } from './colour.js';
import { DEFAULT_DEMO_SCENARIO } from './demo-scenarios.js';
import { LogView, summaryAsText } from './github-view.js';
import { samplePullRequestRun } from './sample-run.js';

const scenario = process.argv[2] ?? DEFAULT_DEMO_SCENARIO;
const sim = await startSimulator({ scenario });
const style = styleFor(process.stdout);
const title = (text: string) => console.log(`\n${style.title(`━━ ${text} ━━`)}`);
try {
  title(`Mogplex simulator at ${sim.url} · scenario "${scenario}" · a pull_request on acme/web`);
  const view = new LogView((line) => console.log(line), style);
  const result = await runAction({
    ...samplePullRequestRun(sim.url),
    timeoutMs: 10 * 60_000,
    onStdout: (chunk) => view.feed(chunk),
  });
  title(`Step finished: exit code ${result.code} (${result.code === 0 ? 'the step passes' : 'the step fails'})`);
  title('Job summary');
  console.log(summaryAsText(result.summary, style));
  title('Outputs');
  for (const [name, value] of Object.entries(result.outputs)) console.log(`  ${name.padEnd(15)} ${value}`);
  console.log(
    `\nRequests the simulator received: ${sim.requests.length} (${sim.requests
      .map((r) => `${r.method} ${r.path.replace(/\/runs\/[^/]+/, '/runs/:id')}`)
      .filter((v, i, a) => a.indexOf(v) === i)
      .join(', ')})`,
  );
  await result.cleanup();
} finally {
  await sim.close();
}
