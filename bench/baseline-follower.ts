// The baseline: a minimal follower that behaves like the official CLI's
// `mogplex runs start` + `mogplex runs events <id> --follow`: one start
// request, then a fixed 1.5 s poll of the events route (40 a minute), de-dup
// by event id, one stdout line per new event, exit at a terminal status. Like
// the CLI it does not honour Retry-After. Standalone on purpose (no imports
// but node:): the bench transpiles it to one plain .mjs file and runs that
// with the Node 24 binary, so its start-up is a plain `node file` start-up.
//
// Environment: BENCH_API_URL (…/api/v1/mogplex), BENCH_TOKEN, BENCH_REPO_ID, BENCH_PROMPT.
import { randomUUID } from 'node:crypto';

const POLL_MS = 1500;
const TERMINAL = new Set(['success', 'failed', 'cancelled']);

interface Envelope<T> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string };
}
interface Run {
  runId: string;
  status: string;
}
interface Event {
  id: string;
  type: string;
  toolName: string | null;
  message: string | null;
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const api = env('BENCH_API_URL');
const headers = { authorization: `Bearer ${env('BENCH_TOKEN')}` };

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${api}${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
  const body = (await response.json()) as Envelope<T>;
  if (!response.ok || !body.ok || body.data === undefined) {
    throw new Error(`HTTP ${response.status} ${body.error?.code ?? ''} ${body.error?.message ?? ''}`);
  }
  return body.data;
}

async function main(): Promise<number> {
  const started = await call<Run>('/runs', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ repoId: env('BENCH_REPO_ID'), prompt: env('BENCH_PROMPT') }),
  });
  process.stdout.write(`run ${started.runId} ${started.status}\n`);
  const seen = new Set<string>();
  for (let next = Date.now(); ;) {
    try {
      const page = await call<{ run: Run; events: Event[] }>(`/runs/${started.runId}/events?limit=200`);
      for (const event of page.events) {
        if (seen.has(event.id)) continue;
        seen.add(event.id);
        process.stdout.write(`event ${[event.type, event.toolName ?? '', event.message ?? ''].filter((p) => p !== '').join(' ')}\n`);
      }
      if (TERMINAL.has(page.run.status)) {
        process.stdout.write(`end ${page.run.status}\n`);
        return page.run.status === 'success' ? 0 : 1;
      }
    } catch (error) {
      process.stdout.write(`poll failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    next += POLL_MS;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`baseline follower: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
