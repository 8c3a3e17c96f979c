// The demo's scenarios as the README lists them, from the simulator's own
// descriptions, so the list cannot fall behind `simulator/scenarios.ts`.
import { SCENARIOS } from '../simulator/server.js';

/** The scenario `npm run demo` runs without an argument: slow enough to watch. */
export const DEFAULT_DEMO_SCENARIO = 'slow';

export const README_LIST_START = '<!-- demo-scenarios:start (npm run docs:scenarios writes this list) -->';
export const README_LIST_END = '<!-- demo-scenarios:end -->';

/** One Markdown list line per scenario: name, "(the default)" for the default, description. */
export function scenarioListMarkdown(): string {
  return [...SCENARIOS.values()]
    .map((s) => `- \`${s.name}\`${s.name === DEFAULT_DEMO_SCENARIO ? ' (the default)' : ''}: ${s.description}`)
    .join('\n');
}

/** `markdown` with the text between the list markers replaced by the current list. */
export function withScenarioList(markdown: string): string {
  const start = markdown.indexOf(README_LIST_START);
  const end = markdown.indexOf(README_LIST_END);
  if (start < 0 || end < start) throw new Error(`no ${README_LIST_START} ... ${README_LIST_END} block`);
  return `${markdown.slice(0, start + README_LIST_START.length)}\n\n${scenarioListMarkdown()}\n\n${markdown.slice(end)}`;
}
