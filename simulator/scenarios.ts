// Scripted run timelines. Times are ms after run creation at speed 1; the
// server multiplies them by its `speed` option. A prompt containing
// `[sim:NAME]` picks scenario NAME.
import type { JsonObject, LifecycleStep, Scenario, ScenarioEvent } from './types.js';

/** Lifecycle steps at the given times (ms). */
function steps(...timeline: Array<[number, LifecycleStep]>): ScenarioEvent[] {
  return timeline.map(([at, step]) => ({ at, step }));
}

// Until the agent's command runs: accepted at creation, then the sandbox.
const SETUP: Array<[number, LifecycleStep]> = [
  [0, 'accepted'],
  [400, 'started'],
  [700, 'git_sync'],
  [1000, 'streaming'],
  [1050, 'installed'],
];

// What the real server records: the lifecycle, a quiet agent, delivery.
const success: Scenario = {
  name: 'success',
  description: 'the 7 lifecycle events over ~3 s, a pull request delivered, then success',
  launchAt: 300,
  leaves: 'commits',
  events: steps(...SETUP, [2600, 'delivery'], [2800, 'finished']),
  end: { at: 3000, status: 'success' },
};

const noChanges: Scenario = {
  ...success,
  name: 'no-changes',
  description: 'like success, but the agent changed nothing: "No code changes to deliver"',
  leaves: 'nothing',
};

const deliveryFailed: Scenario = {
  name: 'delivery-failed',
  description: 'the agent leaves untracked files: delivery fails, two failed events, then failed',
  launchAt: 300,
  leaves: 'untracked-files',
  events: steps(...SETUP, [2600, 'stream_failed'], [2800, 'external_failed']),
  end: { at: 2800, status: 'failed' },
};

const failed: Scenario = {
  name: 'failed',
  description: 'the agent exits 1 after ~2 s: "Harness run failed", then failed',
  launchAt: 300,
  leaves: 'commits',
  events: steps(...SETUP, [2000, 'agent_failed']),
  end: { at: 2200, status: 'failed', error: 'Agent run exited with code 1.' },
};

const cancelled: Scenario = {
  name: 'cancelled',
  description: 'cancelled from the web app after ~1.5 s',
  launchAt: 300,
  leaves: 'commits',
  events: steps(...SETUP, [1500, 'web_cancel_requested'], [1800, 'web_cancelled']),
  end: { at: 1900, status: 'cancelled' },
};

// The success lifecycle spread out, for demos people watch.
const slow: Scenario = {
  name: 'slow',
  description: 'the success lifecycle over ~12 s (a quiet agent in the middle), then success',
  launchAt: 1000,
  leaves: 'commits',
  events: steps(
    [0, 'accepted'],
    [1500, 'started'],
    [3000, 'git_sync'],
    [4500, 'streaming'],
    [6000, 'installed'],
    [10_000, 'delivery'],
    [11_500, 'finished'],
  ),
  end: { at: 12_500, status: 'success' },
};

const endless: Scenario = {
  name: 'endless',
  description: 'the setup lifecycle in ~1 s, then an agent that never ends by itself',
  launchAt: 300,
  leaves: 'commits',
  events: steps(...SETUP),
  end: { at: Infinity, status: 'success' },
};

// Tool events are rare in v1 runs, but they are what a long run would add.
function manyEvents(): ScenarioEvent[] {
  const events: ScenarioEvent[] = steps([0, 'accepted'], [40, 'started'], [80, 'git_sync'], [100, 'streaming'], [110, 'installed']);
  for (let i = 0; i < 243; i += 1) {
    const at = 120 + i * 12; // 250 events in ~3 s
    const tool = i % 2 === 0 ? 'started' : 'finished';
    events.push({
      at,
      type: `tool_${tool}`,
      toolName: 'read_file',
      message: `Tool ${tool}: read_file`,
      payload: { tool_call_id: `call_${Math.floor(i / 2)}`, input: { path: `src/file-${Math.floor(i / 2)}.ts` }, step_number: i + 1 },
    });
  }
  events.push(...steps([3050, 'delivery'], [3100, 'finished']));
  return events;
}

const many: Scenario = {
  name: 'many-events',
  description: '250 events in ~3 s (past the 200-event window), success at ~5 s',
  launchAt: 20,
  leaves: 'commits',
  events: manyEvents(),
  end: { at: 5100, status: 'success' },
};

// Workflow-command, terminal and markdown attacks in message, toolName and payload.
const injection: Scenario = {
  name: 'injection',
  description: 'hostile event text (workflow commands, ANSI, bidi, HTML), a hostile git_delivery, then success',
  launchAt: 50,
  leaves: 'commits',
  events: [
    ...steps([0, 'accepted'], [100, 'started']),
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
    {
      // Delivery payloads carry branch names and gh's output: agent-controlled text too.
      at: 1750,
      type: 'log',
      message: 'Pull request ready\n::error::delivery',
      payload: {
        stage: 'git_delivery',
        changed: true,
        pull_request_url: 'https://github.com/acme/web/pull/43)\n::error::pwned [x](http://evil) @org/team',
        base_branch: 'main\n::error::base',
        working_branch: '::set-output name=working-branch::pwned',
        auto_committed_files: ['::add-mask::z', '<img src=x onerror=alert(1)>'],
      },
    },
    { at: 1800, type: 'finished', message: 'Agent finished ::notice::done', payload: { summary: '@org/team <b>done</b>' } },
  ],
  end: { at: 2000, status: 'success' },
};

// --- the newer server: agent output as events (harness-progress.ts) ---

const TOOLS = ['read_file', 'shell', 'apply_patch', 'search'];
const WORDS =
  'I read the failing test and the handler it covers. The date parser drops the time zone, so the fixture written in UTC moves a day. I will keep the zone and add a case for it.'.split(
    ' ',
  );

/**
 * `count` events of the newer kinds between `from` and `to` (ms): the
 * assistant's text as `log` events of a few words each (`assistant_delta`,
 * newlines inside), and tool calls as `tool_started` / `tool_finished`.
 */
export function agentEvents(count: number, from: number, to: number): ScenarioEvent[] {
  const events: ScenarioEvent[] = [];
  const step = (to - from) / Math.max(1, count);
  let word = 0;
  let call = 0;
  for (let i = 0; events.length < count; i += 1) {
    const at = Math.round(from + events.length * step);
    if (i % 12 === 11 && events.length + 2 <= count) {
      const name = TOOLS[call % TOOLS.length] ?? 'shell';
      const toolCallId = `call_${String(call).padStart(4, '0')}`;
      const state = call % 9 === 8 ? 'error' : 'completed';
      events.push({
        at,
        type: 'tool_started',
        toolName: name,
        message: `${name} started`,
        payload: { kind: 'tool', toolCallId, state: 'running' },
      });
      events.push({
        at: Math.round(at + step),
        type: 'tool_finished',
        toolName: name,
        message: `${name} ${state === 'error' ? 'failed' : 'finished'}`,
        payload: { kind: 'tool', toolCallId, state },
      });
      call += 1;
      continue;
    }
    // A delta: two or three words, a sentence's end sometimes closing a paragraph.
    const size = 2 + (i % 2);
    const text = WORDS.slice(word, word + size).join(' ');
    word = (word + size) % WORDS.length;
    const end = text.endsWith('.') && i % 3 === 0 ? '\n\n' : ' ';
    events.push({ at, type: 'log', message: `${text}${end}`, payload: { kind: 'assistant_delta' } });
  }
  return events;
}

/** A newer-server run: the setup lifecycle, `count` agent events until `agentEnd`, then delivery and the end. */
function agentRun(name: string, description: string, count: number, agentEnd: number): Scenario {
  return {
    name,
    description,
    launchAt: 300,
    leaves: 'commits',
    events: [
      ...steps(...SETUP),
      ...agentEvents(count, 1200, agentEnd),
      ...steps([agentEnd + 200, 'delivery'], [agentEnd + 400, 'finished']),
    ],
    end: { at: agentEnd + 600, status: 'success' },
  };
}

const agent = agentRun('agent', 'newer server: 300 agent events (assistant text, tool calls) over ~5 s, then a pull request', 300, 5_000);
const chatty = agentRun(
  'chatty',
  'newer server: 1,500 agent events over ~8 s (past the 200-event window), then a pull request',
  1_500,
  8_000,
);
const thousands = agentRun('thousands', 'newer server: 2,000 agent events over ~60 s, then a pull request', 2_000, 60_000);
const agentLifecycle = agentRun(
  'agent-lifecycle',
  'newer server: a ~3 min run with agent events flowing (one every ~1.5 s), then a pull request',
  115,
  178_000,
);

// A run that pauses at a checkpoint: its first pass ends with `finished`, no event marks the pause, a resume is a new agent call.
const checkpointEvents: ScenarioEvent[] = [
  ...steps(...SETUP),
  ...agentEvents(20, 1200, 2200),
  ...steps([2400, 'finished']),
  // The second pass (new aiCallId) starts at the resume.
  ...agentEvents(10, 6200, 7000),
  ...steps([7200, 'delivery'], [7400, 'finished']),
];

const checkpoint: Scenario = {
  name: 'checkpoint',
  description:
    'newer server: the first pass ends (`finished`) and the run waits for input 3.5 s, then resumes in a new agent call and succeeds',
  launchAt: 300,
  leaves: 'commits',
  events: checkpointEvents,
  end: { at: 7600, status: 'success' },
  checkpoint: { at: 2600, resumeAt: 6100 },
};

const waiting: Scenario = {
  name: 'waiting',
  description: 'newer server: the first pass ends (`finished`) and the run waits for input that never comes',
  launchAt: 300,
  leaves: 'commits',
  events: [...steps(...SETUP), ...agentEvents(20, 1200, 2200), ...steps([2400, 'finished'])],
  end: { at: Infinity, status: 'success' },
  checkpoint: { at: 2600, resumeAt: Infinity },
};

// --- bench timelines (real time, ~2 min at speed 1) ---

function steadyEvents(): ScenarioEvent[] {
  const events = steps([0, 'accepted']);
  for (let at = 2000; at <= 118_000; at += 2000) {
    events.push({ at, type: 'log', message: `tick ${at / 1000}s`, payload: { at } });
  }
  events.push({ at: 119_000, step: 'finished' });
  return events;
}

function burstyEvents(): ScenarioEvent[] {
  const events = steps([0, 'accepted']);
  for (let burst = 0; burst < 4; burst += 1) {
    const start = 1000 + burst * 30_000; // 10 events in 0.5 s, then 30 s quiet
    for (let i = 0; i < 10; i += 1) {
      events.push({ at: start + i * 50, type: 'log', message: `burst ${burst + 1} event ${i + 1}`, payload: { burst, i } });
    }
  }
  events.push({ at: 119_000, step: 'finished' });
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
  const events = steps([0, 'accepted']);
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

// A real run at real speed: setup, a long quiet agent, delivery at the end.
const lifecycle: Scenario = {
  name: 'lifecycle',
  description: 'a real run over ~3 min: the setup lifecycle in ~15 s, a quiet agent, delivery and the end',
  launchAt: 2000,
  leaves: 'commits',
  events: steps(
    [0, 'accepted'],
    [3000, 'started'],
    [8000, 'git_sync'],
    [10_000, 'streaming'],
    [14_000, 'installed'],
    [176_000, 'delivery'],
    [178_000, 'finished'],
  ),
  end: { at: 180_000, status: 'success' },
};

// The lifecycle in one minute: enough steps on one token to fill its budget, each ending within a minute.
const minute: Scenario = {
  name: 'minute',
  description: 'the lifecycle over ~1 min: setup in ~10 s, a quiet agent, delivery and the end',
  launchAt: 1500,
  leaves: 'commits',
  events: steps(
    [0, 'accepted'],
    [2000, 'started'],
    [5000, 'git_sync'],
    [7000, 'streaming'],
    [9000, 'installed'],
    [56_000, 'delivery'],
    [58_000, 'finished'],
  ),
  end: { at: 60_000, status: 'success' },
};

const bench: Scenario[] = [
  minute,
  {
    name: 'steady',
    description: 'an event every 2 s for ~2 min',
    launchAt: 2000,
    leaves: 'commits',
    events: steadyEvents(),
    end: { at: 120_000, status: 'success' },
  },
  {
    name: 'bursty',
    description: 'bursts of 10 events then 30 s quiet, ~2 min',
    launchAt: 1000,
    leaves: 'commits',
    events: burstyEvents(),
    end: { at: 120_000, status: 'success' },
  },
  {
    name: 'quiet',
    description: 'nothing for 90 s, then the end',
    launchAt: 90_000,
    leaves: 'commits',
    events: steps([0, 'accepted'], [90_000, 'started'], [90_500, 'finished']),
    end: { at: 91_000, status: 'success' },
  },
  {
    name: 'heavy',
    description: '200 events with ~20 KB payloads over 60 s, then a ~60 s tail',
    launchAt: 500,
    leaves: 'commits',
    events: heavyEvents(),
    end: { at: 120_000, status: 'success' },
  },
  lifecycle,
];

export const SCENARIOS: ReadonlyMap<string, Scenario> = new Map(
  [
    success,
    noChanges,
    deliveryFailed,
    failed,
    cancelled,
    slow,
    endless,
    many,
    injection,
    agent,
    chatty,
    thousands,
    checkpoint,
    waiting,
    agentLifecycle,
    ...bench,
  ].map((s) => [s.name, s]),
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
