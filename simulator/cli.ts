// Starts the simulator from a shell or workflow step:
//   tsx simulator/cli.ts [--port N] [--scenario NAME] [--speed X] [--port-file PATH]
//                        [--cancel-shape current|legacy] [--canonical-host NAME]
//                        [--server newer|august] [--stream-max-ms N] [--help]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SCENARIOS, SIM_TOKEN, startSimulator } from './server.js';

const USAGE = `Usage: tsx simulator/cli.ts [--port N] [--scenario NAME] [--speed X] [--port-file PATH]
                            [--cancel-shape current|legacy] [--canonical-host NAME]
                            [--server newer|august] [--stream-max-ms N]
--server august is the server of August 2026 (no events stream, the first 200 events listed);
the default is the newer one (the stream, the latest 200 events, awaiting_input, modes checked).
A prompt containing [sim:NAME] picks a scenario per run. Scenarios:
${[...SCENARIOS.values()].map((s) => `  ${s.name.padEnd(16)} ${s.description}`).join('\n')}
Requests to www.<canonical host> (default localhost) get a 308 to the canonical host.
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      scenario: { type: 'string' },
      speed: { type: 'string' },
      'port-file': { type: 'string' },
      'cancel-shape': { type: 'string' },
      'canonical-host': { type: 'string' },
      server: { type: 'string' },
      'stream-max-ms': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${values.port}`);
  if (!(speed > 0)) throw new Error(`invalid --speed ${values.speed}`);
  const shape = values['cancel-shape'];
  if (shape !== undefined && shape !== 'current' && shape !== 'legacy') throw new Error(`invalid --cancel-shape ${shape}`);

  const server = values.server;
  if (server !== undefined && server !== 'newer' && server !== 'august') throw new Error(`invalid --server ${server}`);
  const streamMaxMs = values['stream-max-ms'] === undefined ? undefined : Number(values['stream-max-ms']);
  if (streamMaxMs !== undefined && !(streamMaxMs > 0)) throw new Error(`invalid --stream-max-ms ${values['stream-max-ms']}`);
  const sim = await startSimulator({
    ...(server === undefined ? {} : { server }),
    ...(streamMaxMs === undefined ? {} : { streamMaxMs }),
    port,
    speed,
    ...(values.scenario === undefined ? {} : { scenario: values.scenario }),
    ...(shape === undefined ? {} : { cancelShape: shape }),
    ...(values['canonical-host'] === undefined ? {} : { canonicalHost: values['canonical-host'] }),
  });
  if (values['port-file']) writeFileSync(values['port-file'], `${sim.url}\n`);
  process.stdout.write(`Mogplex simulator listening on ${sim.url} (token: ${SIM_TOKEN}; ${sim.wwwUrl} redirects to ${sim.canonicalUrl})\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`simulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
