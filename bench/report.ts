// The bench's table: rows are metrics, columns are timelines x (action,
// baseline); each action figure a target applies to carries ✓ (met) or ✗ (missed).
import type { CaseResult } from './follow-targets.js';
import type { ColdStartResult } from './cold-start.js';
import type { FollowerResult, Timeline } from './measure.js';
import type { SharedTokenResult } from './shared-token.js';

/** Decimal units throughout: 1 KB = 1,000 bytes, 1 MB = 1,000,000 bytes. */
const KB = 1000;
const MB = 1000 * 1000;

export interface BenchResults {
  mode: 'full' | 'smoke';
  concurrent: boolean;
  date: string;
  machine: { cpu: string; cores: number; memory: string; benchNode: string; actionNode: string; loadAverage: number[] };
  timelines: Timeline[];
  /** Per timeline name: the floor, one request per batch of new events. */
  floors: Record<string, { requests: number; perMinute: number; batches: number }>;
  results: FollowerResult[];
  coldStart: ColdStartResult;
  /** Steps sharing one token, per step count K. */
  shared: SharedTokenResult[];
  sharedTimeline: Timeline;
  /** Following the newer server and the August one (issue 19's targets); empty when not measured. */
  follow: CaseResult[];
  bundleBytes: number;
  /** Which build of dist/index.js was measured. */
  bundleSha256: string;
}

interface Row {
  metric: string;
  /** Target text, and which timelines it applies to (undefined: all). */
  target?: string;
  on?: readonly string[];
  value: (r: FollowerResult) => number | null;
  format: (v: number) => string;
  pass?: (v: number) => boolean;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2);
const integer = (v: number): string => String(Math.round(v));

export const ROWS: readonly Row[] = [
  { metric: 'requests: most in any 60 s', target: '≤ 20', value: (r) => r.maxPerMinuteWindow, format: integer, pass: (v) => v <= 20 },
  {
    metric: 'requests: mean per minute',
    target: '≤ 10 (bursty, quiet)',
    on: ['bursty', 'quiet'],
    value: (r) => r.meanPerMinute,
    format: (v) => v.toFixed(1),
    pass: (v) => v <= 10,
  },
  { metric: 'requests: total', value: (r) => r.requests, format: integer },
  { metric: '429 answers', target: '0', value: (r) => r.status429, format: integer, pass: (v) => v === 0 },
  { metric: 'events shown', value: (r) => r.eventsShown, format: integer },
  {
    metric: 'latency median (s)',
    target: '≤ 3 s (steady, bursty)',
    on: ['steady', 'bursty'],
    value: (r) => r.latencyMedianMs,
    format: seconds,
    pass: (v) => v <= 3000,
  },
  {
    metric: 'latency p95 (s)',
    target: '≤ 6 s (steady, bursty)',
    on: ['steady', 'bursty'],
    value: (r) => r.latencyP95Ms,
    format: seconds,
    pass: (v) => v <= 6000,
  },
  { metric: 'latency max (s)', value: (r) => r.latencyMaxMs, format: seconds },
  { metric: 'end lag (s)', target: '≤ 6 s', value: (r) => r.endLagMs, format: seconds, pass: (v) => v <= 6000 },
  { metric: 'KB received per minute', value: (r) => r.bytesPerMinute / KB, format: (v) => v.toFixed(v < 100 ? 1 : 0) },
  {
    metric: 'bytes per poll after 200-event window',
    target: '< 4 KB (heavy)',
    on: ['heavy'],
    value: (r) => r.bytesPerPollAfterWindow,
    format: integer,
    pass: (v) => v < 4 * KB,
  },
  {
    metric: 'peak RSS (MB)',
    target: '≤ 100 MB (heavy)',
    on: ['heavy'],
    value: (r) => r.peakRssBytes,
    format: (v) => (v / MB).toFixed(1),
    pass: (v) => v <= 100 * MB,
  },
  { metric: 'exit code', value: (r) => r.exitCode, format: integer },
  { metric: 'bench loop delay max (ms)', value: (r) => r.loopDelay?.maxMs ?? null, format: integer },
];

/** The target's verdict for one action figure: undefined when no target applies. */
function verdict(row: Row, timeline: string, smoke: boolean, value: number | null): boolean | undefined {
  if (!row.pass || value === null) return undefined;
  // Smoke mode has one short timeline: every target that is not tied to a named timeline applies.
  if (row.on && (smoke || !row.on.includes(timeline))) return undefined;
  return row.pass(value);
}

export interface Miss {
  what: string;
  detail: string;
}

function pad(text: string, width: number, left = false): string {
  const len = [...text].length;
  return left ? text + ' '.repeat(Math.max(0, width - len)) : ' '.repeat(Math.max(0, width - len)) + text;
}

export function renderTable(results: BenchResults): { text: string; misses: Miss[]; met: number } {
  const smoke = results.mode === 'smoke';
  const names = results.timelines.map((t) => t.name);
  const find = (timeline: string, follower: 'action' | 'baseline'): FollowerResult | undefined =>
    results.results.find((r) => r.timeline === timeline && r.follower === follower);

  const misses: Miss[] = [];
  let met = 0;
  const header1 = ['', ...names.flatMap((n) => [n, '']), ''];
  const header2 = ['metric', ...names.flatMap(() => ['action', 'baseline']), 'target (action)'];
  const body: string[][] = [];
  for (const row of ROWS) {
    const cells = [row.metric];
    for (const name of names) {
      for (const follower of ['action', 'baseline'] as const) {
        const r = find(name, follower);
        const value = r ? row.value(r) : null;
        let cell = value === null ? '–' : row.format(value);
        if (follower === 'action') {
          const ok = verdict(row, name, smoke, value);
          if (ok !== undefined) {
            cell += ok ? ' ✓' : ' ✗';
            if (ok) met += 1;
            else misses.push({ what: `${row.metric} on ${name}`, detail: `${cell.slice(0, -2)} against ${row.target ?? ''}` });
          }
        }
        cells.push(cell);
      }
    }
    cells.push(row.target ?? '');
    body.push(cells);
  }

  const cs = results.coldStart;
  const coldOk = cs.ratio <= 1.6;
  const floorOk = cs.floorRatio <= 1.25;
  const bundleOk = results.bundleBytes <= 0.3 * MB;
  for (const [ok, what, detail] of [
    [coldOk, 'cold start', `${cs.ratio.toFixed(2)}x node -e 0 against ≤ 1.6x`],
    [floorOk, 'cold start against the floor script', `${cs.floorRatio.toFixed(2)}x against ≤ 1.25x`],
    [bundleOk, 'dist/index.js size', `${(results.bundleBytes / MB).toFixed(3)} MB against ≤ 0.3 MB`],
  ] as const) {
    if (ok) met += 1;
    else misses.push({ what, detail });
  }

  const sharedLines = renderShared(results, smoke, (ok, what, detail) => {
    if (ok) met += 1;
    else misses.push({ what, detail });
  });

  const widths = header2.map((_, i) => Math.max(...[header1, header2, ...body].map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]): string => cells.map((c, i) => pad(c, widths[i] ?? 0, i === 0 || i === cells.length - 1)).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const out: string[] = [line(header1), line(header2), rule, ...body.map(line), rule];

  out.push(
    '',
    'Floor (one request per batch of new events, events < 1 s apart being one batch, + 1 for the end + the 2 start-up requests):',
    '  ' +
      names
        .map((n) => `${n} ${results.floors[n]?.requests ?? '?'} requests (${(results.floors[n]?.perMinute ?? NaN).toFixed(1)}/min)`)
        .join(', '),
    '',
    `Cold start, spawn to first request, median of ${cs.runs} interleaved runs (Node 24 binary):`,
    `  node -e 0 (spawn to exit) ${cs.nodeMedianMs.toFixed(1)} ms   floor script ${cs.floorMedianMs.toFixed(1)} ms = ${(
      cs.floorMedianMs / cs.nodeMedianMs
    ).toFixed(2)}x   baseline ${cs.baselineMedianMs.toFixed(1)} ms = ${cs.baselineRatio.toFixed(2)}x`,
    `  action ${cs.actionMedianMs.toFixed(1)} ms = ${cs.ratio.toFixed(2)}x node -e 0 ${coldOk ? '✓' : '✗'} (target ≤ 1.6x), ` +
      `${cs.floorRatio.toFixed(2)}x the floor script ${floorOk ? '✓' : '✗'} (target ≤ 1.25x)`,
    `dist/index.js (the main chunk): ${results.bundleBytes} bytes = ${(results.bundleBytes / MB).toFixed(3)} MB ${bundleOk ? '✓' : '✗'}   (target ≤ 0.3 MB)` +
      `   sha256 ${results.bundleSha256.slice(0, 12)}`,
    ...sharedLines,
    '',
    `Followers ran ${results.concurrent ? 'concurrently' : 'one at a time'}, each in a bench process of its own with its own simulator ` +
      `(bench loop delay: how late that process could stamp a request or a line).`,
    `Targets: ${met} met, ${misses.length} missed${misses.length > 0 ? ':' : '.'}`,
    ...misses.map((m) => `  ✗ ${m.what}: ${m.detail}`),
  );
  return { text: out.join('\n'), misses, met };
}

/** The shared-token table: one row per K; the targets apply to K = 10 and K = 1 (not in smoke mode). */
function renderShared(results: BenchResults, smoke: boolean, verdict: (ok: boolean, what: string, detail: string) => void): string[] {
  if (results.shared.length === 0) return [];
  const mark = (ok: boolean | undefined): string => (ok === undefined ? '' : ok ? ' ✓' : ' ✗');
  const header = [
    'K',
    '429s per step',
    'busiest 60 s: answered (sent)',
    'end lag median / max (s)',
    'requests per step per minute',
    'longest silence, max (s)',
    'latency median (s)',
    'exit codes',
  ];
  const rows = results.shared.map((r) => {
    const judged = !smoke && (r.k === 10 || r.k === 1);
    let no429: boolean | undefined;
    let lag: boolean | undefined;
    let latency: boolean | undefined;
    if (judged && r.k === 10) {
      no429 = r.status429.every((n) => n === 0);
      lag = r.endLagMaxMs !== null && r.endLagMaxMs <= 15_000;
      verdict(no429, 'K = 10: 429s', `${r.status429.join(' ')} against 0`);
      verdict(lag, 'K = 10: end lag', `max ${seconds(r.endLagMaxMs ?? NaN)} s against ≤ 15 s`);
    }
    if (judged && r.k === 1) {
      lag = r.endLagMedianMs !== null && r.endLagMedianMs <= 6_000;
      latency = r.latencyMedianMs !== null && r.latencyMedianMs <= 3_000;
      verdict(lag, 'K = 1: end lag', `median ${seconds(r.endLagMedianMs ?? NaN)} s against ≤ 6 s`);
      verdict(latency, 'K = 1: latency', `median ${seconds(r.latencyMedianMs ?? NaN)} s against ≤ 3 s`);
    }
    return [
      String(r.k),
      r.status429.join(' ') + mark(no429),
      `${r.busiestAnswered} (${r.busiestSent})`,
      `${seconds(r.endLagMedianMs ?? NaN)} / ${seconds(r.endLagMaxMs ?? NaN)}${mark(lag)}`,
      r.perStepPerMinute.toFixed(1),
      seconds(Math.max(...r.longestSilenceMs)),
      (r.latencyMedianMs === null ? '–' : seconds(r.latencyMedianMs)) + mark(latency),
      r.exitCodes.join(' '),
    ];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => [...(row[i] ?? '')].length)));
  const line = (cells: string[]): string => cells.map((c, i) => pad(c, widths[i] ?? 0, i === 0)).join('  ');
  const timeline = results.sharedTimeline;
  return [
    '',
    `Shared token: K steps (default settings) started together on one token, each following a run of the ${timeline.name} timeline; ` +
      'the simulator limits the token like the server (60 requests in any 60 s, 429 with Retry-After: 60; 10 run starts a minute).',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    'Targets: K = 10: no 429, every step exits ≤ 15 s after its run ended; K = 1: end lag median ≤ 6 s, latency median ≤ 3 s.',
  ];
}
