// Scripted run timelines. Times are ms after run creation at speed 1; the
// server multiplies them by its `speed` option. A prompt containing
// `[sim:NAME]` picks scenario NAME.
import type { JsonObject, Scenario, ScenarioEvent } from './types.js';

const SUMMARY = 'Replaced cookie sessions with bearer tokens in src/auth.ts and updated the tests.';

const success: Scenario = {
  name: 'success',
  description: '9 events over ~3 s, then success',
  events: [
    { at: 200, type: 'started', message: 'Agent started', payload: { harness: 'codex' } },
    { at: 500, type: 'tool_started', toolName: 'read_file', message: 'Reading src/auth.ts', payload: { path: 'src/auth.ts' } },
    {
      at: 800,
      type: 'tool_finished',
      toolName: 'read_file',
      message: 'Read src/auth.ts (142 lines)',
      payload: { path: 'src/auth.ts', lines: 142 },
    },
    { at: 1200, type: 'tool_started', toolName: 'edit_file', message: 'Editing src/auth.ts', payload: { path: 'src/auth.ts' } },
    {
      at: 1600,
      type: 'tool_finished',
      toolName: 'edit_file',
      message: 'Edited src/auth.ts (+12 -4)',
      payload: { path: 'src/auth.ts', added: 12, removed: 4 },
    },
    { at: 2000, type: 'tool_started', toolName: 'run_tests', message: 'Running npm test', payload: { command: 'npm test' } },
    {
      at: 2600,
      type: 'tool_finished',
      toolName: 'run_tests',
      message: 'Tests passed: 48 passed, 0 failed',
      payload: { exitCode: 0, passed: 48, failed: 0 },
    },
    { at: 2800, type: 'log', message: 'Pushed 1 commit', payload: { commit: '3f2c1ab', files: ['src/auth.ts', 'test/auth.spec.ts'] } },
    { at: 3000, type: 'finished', message: 'Agent finished', payload: { summary: SUMMARY } },
  ],
  end: { at: 3200, status: 'success' },
};

const failed: Scenario = {
  name: 'failed',
  description: '5 events over ~2 s, then failed',
  events: [
    { at: 200, type: 'started', message: 'Agent started', payload: { harness: 'codex' } },
    { at: 600, type: 'tool_started', toolName: 'run_tests', message: 'Running npm test', payload: { command: 'npm test' } },
    {
      at: 1400,
      type: 'tool_finished',
      toolName: 'run_tests',
      message: 'Tests failed: 46 passed, 2 failed',
      payload: { exitCode: 1, passed: 46, failed: 2, failures: ['rejects expired token', 'refreshes session'] },
    },
    { at: 1700, type: 'log', message: 'Giving up after 3 attempts' },
    { at: 2000, type: 'failed', message: 'Agent failed: 2 tests still failing in test/auth.spec.ts' },
  ],
  end: { at: 2200, status: 'failed', error: '2 tests still failing in test/auth.spec.ts' },
};

const cancelled: Scenario = {
  name: 'cancelled',
  description: 'cancelled from the web app after ~1.5 s',
  events: [
    { at: 200, type: 'started', message: 'Agent started', payload: { harness: 'codex' } },
    { at: 600, type: 'tool_started', toolName: 'read_file', message: 'Reading package.json', payload: { path: 'package.json' } },
    {
      at: 900,
      type: 'tool_finished',
      toolName: 'read_file',
      message: 'Read package.json (40 lines)',
      payload: { path: 'package.json', lines: 40 },
    },
    { at: 1500, type: 'cancel_requested', message: 'Cancellation requested', payload: { source: 'web' } },
    { at: 1800, type: 'cancelled', message: 'External Mogplex run cancelled' },
  ],
  end: { at: 1900, status: 'cancelled' },
};

// Same story as `success`, one event every 1.5 s, for demos people watch.
const slow: Scenario = {
  name: 'slow',
  description: '9 events every 1.5 s over ~12 s, then success',
  events: success.events.map((e, i) => ({ ...e, at: 500 + i * 1500 })),
  end: { at: 12_800, status: 'success' },
};

const endless: Scenario = {
  name: 'endless',
  description: '4 events in ~1 s, then never ends by itself',
  events: [
    { at: 200, type: 'started', message: 'Agent started', payload: { harness: 'codex' } },
    { at: 500, type: 'tool_started', toolName: 'read_file', message: 'Reading src/index.ts', payload: { path: 'src/index.ts' } },
    {
      at: 800,
      type: 'tool_finished',
      toolName: 'read_file',
      message: 'Read src/index.ts (88 lines)',
      payload: { path: 'src/index.ts', lines: 88 },
    },
    { at: 1000, type: 'log', message: 'Thinking about the refactor...' },
  ],
  end: { at: Infinity, status: 'success' },
};

function manyEvents(): ScenarioEvent[] {
  const events: ScenarioEvent[] = [];
  for (let i = 1; i <= 250; i += 1) {
    const at = 100 + (i - 1) * 12; // 250 events in ~3 s
    if (i === 1) events.push({ at, type: 'started', message: 'Agent started' });
    else if (i === 250) events.push({ at, type: 'finished', message: 'Agent finished', payload: { summary: 'Touched 249 files' } });
    else events.push({ at, type: 'log', message: `step ${i}`, payload: { step: i } });
  }
  return events;
}

const many: Scenario = {
  name: 'many-events',
  description: '250 events in ~3 s (past the 200-event window), success at ~5 s',
  events: manyEvents(),
  end: { at: 5100, status: 'success' },
};

// Workflow-command, terminal and markdown attacks in message, toolName and payload.
const injection: Scenario = {
  name: 'injection',
  description: 'hostile event text (workflow commands, ANSI, bidi, HTML), then success',
  events: [
    { at: 100, type: 'started', message: 'Agent started' },
    { at: 200, type: 'log', message: '::add-mask::x' },
    { at: 300, type: 'log', message: '::set-output name=status::success' },
    { at: 400, type: 'tool_started', toolName: '::error::pwned', message: '::error::pwned', payload: { command: '::error::pwned' } },
    { at: 500, type: 'log', message: '##[error]pwned' },
    { at: 600, type: 'log', message: '::stop-commands::abc' },
    { at: 700, type: 'log', message: '::abc::' },
    { at: 800, type: 'log', message: '::endgroup::' },
    { at: 900, type: 'log', message: '  ::warning::indented' },
    { at: 1000, type: 'log', message: '%0A::error::encoded' },
    { at: 1100, type: 'log', message: 'all good\n::error::x' },
    { at: 1200, type: 'log', message: 'line one\r\n##[group]x' },
    { at: 1250, type: 'log', message: 'carriage\r::error::cr-only' },
    { at: 1300, type: 'log', message: '\u001b[31mred alert\u001b[0m \u001b]8;;http://evil\u0007click\u001b]8;;\u0007' },
    { at: 1400, type: 'log', message: 'invoice\u202efdp.exe and zero\u200bwidth\u200d\ufeff' },
    { at: 1500, type: 'log', message: '<img src=x onerror=alert(1)> [link](http://evil) | broken | table | @org/team' },
    { at: 1600, type: 'log', message: '</details></code>```\n# Heading\n<!-- comment' },
    {
      at: 1700,
      type: 'tool_finished',
      toolName: 'read_file\n::error::toolname',
      message: 'Read file',
      payload: {
        path: '::error file=a.ts,line=1::pwned',
        note: '##[warning]payload',
        lines: ['::add-mask::y', '\n::error::z', '\u001b[2J'],
        nested: { deeper: { text: '::set-output name=x::y' } },
      },
    },
    { at: 1800, type: 'finished', message: 'Agent finished ::notice::done', payload: { summary: '@org/team <b>done</b>' } },
  ],
  end: { at: 2000, status: 'success' },
};

// --- bench timelines (real time, ~2 min at speed 1) ---

function steadyEvents(): ScenarioEvent[] {
  const events: ScenarioEvent[] = [];
  for (let at = 2000; at <= 118_000; at += 2000) {
    events.push({ at, type: 'log', message: `tick ${at / 1000}s`, payload: { at } });
  }
  events.push({ at: 119_000, type: 'finished', message: 'Agent finished' });
  return events;
}

function burstyEvents(): ScenarioEvent[] {
  const events: ScenarioEvent[] = [];
  for (let burst = 0; burst < 4; burst += 1) {
    const start = 1000 + burst * 30_000; // 10 events in 0.5 s, then 30 s quiet
    for (let i = 0; i < 10; i += 1) {
      events.push({ at: start + i * 50, type: 'log', message: `burst ${burst + 1} event ${i + 1}`, payload: { burst, i } });
    }
  }
  events.push({ at: 119_000, type: 'finished', message: 'Agent finished' });
  return events;
}

function heavyPayload(i: number): JsonObject {
  // ~20 KB: the server caps payload JSON at 20 KB, strings at 2,000 chars, 25 items.
  const line = `@@ -${i},7 +${i},9 @@ export function handler(req) { return respond(req, ${i}); }\n`;
  const diff = line.repeat(Math.ceil(1900 / line.length)).slice(0, 1900);
  const files: JsonObject[] = [];
  for (let f = 0; f < 10; f += 1) files.push({ path: `src/module-${i}-${f}.ts`, diff });
  return { index: i, files };
}

function heavyEvents(): ScenarioEvent[] {
  const events: ScenarioEvent[] = [];
  for (let i = 0; i < 200; i += 1) {
    events.push({
      at: 500 + i * 300,
      type: 'tool_finished',
      toolName: 'edit_file',
      message: `Edited batch ${i + 1}`,
      payload: heavyPayload(i),
    });
  }
  return events;
}

const bench: Scenario[] = [
  { name: 'steady', description: 'an event every 2 s for ~2 min', events: steadyEvents(), end: { at: 120_000, status: 'success' } },
  {
    name: 'bursty',
    description: 'bursts of 10 events then 30 s quiet, ~2 min',
    events: burstyEvents(),
    end: { at: 120_000, status: 'success' },
  },
  {
    name: 'quiet',
    description: 'nothing for 90 s, then the end',
    events: [
      { at: 90_000, type: 'started', message: 'Agent started' },
      { at: 90_500, type: 'finished', message: 'Agent finished' },
    ],
    end: { at: 91_000, status: 'success' },
  },
  {
    name: 'heavy',
    description: '200 events with ~20 KB payloads over 60 s, then a ~60 s tail',
    events: heavyEvents(),
    end: { at: 120_000, status: 'success' },
  },
];

export const SCENARIOS: ReadonlyMap<string, Scenario> = new Map(
  [success, failed, cancelled, slow, endless, many, injection, ...bench].map((s) => [s.name, s]),
);

export function scenarioNames(): string[] {
  return [...SCENARIOS.keys()];
}

export function getScenario(name: string): Scenario | undefined {
  return SCENARIOS.get(name);
}

/** `[sim:NAME]` in a prompt selects a scenario; returns NAME or null. */
export function scenarioFromPrompt(prompt: string): string | null {
  const match = /\[sim:([a-z0-9-]+)\]/i.exec(prompt);
  return match?.[1] ?? null;
}
