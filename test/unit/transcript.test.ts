import { describe, expect, it } from 'vitest';
import { Transcript } from '../../src/report/transcript.js';
import { runEvent, STARTED_AT } from './fixtures.js';

const start = Date.parse(STARTED_AT);
const at = (ms: number): string => new Date(start + ms).toISOString();
const delta = (id: string, message: string) =>
  runEvent({ id, type: 'log', message, payload: { kind: 'assistant_delta' }, createdAt: at(1000) });
const tool = (id: string, type: 'tool_started' | 'tool_finished', ms: number, state = 'running') =>
  runEvent({
    id,
    type,
    toolName: 'shell',
    message: `shell ${type === 'tool_started' ? 'started' : 'finished'}`,
    payload: { kind: 'tool', toolCallId: 'c1', state },
    createdAt: at(ms),
  });

/** The text lines a transcript printed, without the stop-commands wrapping. */
function text(lines: string[]): string[] {
  return lines.filter((line) => !line.startsWith('::'));
}

describe('Transcript', () => {
  it('joins the agent’s few-word deltas into whole lines, and collapses blank runs', () => {
    const t = new Transcript(start, 'the events file');
    const out = [
      ...t.render(delta('1', 'I read the '), 'T'),
      ...t.render(delta('2', 'failing test.\n\n\n'), 'T'),
      ...t.render(delta('3', 'Then I '), 'T'),
      ...t.render(delta('4', 'fixed it.'), 'T'),
    ];
    expect(text(out)).toEqual(['I read the failing test.', '']);
    expect(text(t.flush('T'))).toEqual(['Then I fixed it.']);
  });

  it('shows a tool call as one line with its outcome and duration, after the text before it', () => {
    const t = new Transcript(start, 'the events file');
    expect(t.render(tool('s', 'tool_started', 2000), 'T')).toEqual([]);
    t.render(delta('1', 'half a line'), 'T');
    const out = text(t.render(tool('f', 'tool_finished', 4500, 'error'), 'T'));
    expect(out).toEqual(['half a line', '+0:05 ⚙ shell failed (2.5 s)']);
  });

  it('keeps a group for lifecycle events, and wraps every line in stop-commands', () => {
    const t = new Transcript(start, 'the events file');
    const out = t.render(runEvent({ id: 'x', type: 'finished', message: 'Harness run finished', createdAt: at(3000) }), 'TOKEN');
    expect(out[0]).toMatch(/^::group::\+0:03 finished Harness run finished$/);
    const lines = t.render(delta('1', '::error::pwned\n'), 'TOKEN');
    expect(lines).toEqual(['::stop-commands::TOKEN', '::error::pwned', '::TOKEN::']);
  });

  it('bounds agent output, and says once where every event is', () => {
    const t = new Transcript(start, 'the events file (x.jsonl)', { agentLines: 3, lineChars: 10, partialChars: 50 });
    const out = text(t.render(delta('1', 'a\nb\nthis line is long\nd\ne\n'), 'T'));
    expect(out).toEqual([
      'a',
      'b',
      'this line …',
      '… the log shows the first 3 lines of agent output; every event is in the events file (x.jsonl)',
    ]);
    expect(text(t.render(delta('2', 'more\n'), 'T'))).toEqual([]);
    // Text with no line break at all is still printed, once it is long.
    const u = new Transcript(start, 'f', { agentLines: 10, lineChars: 100, partialChars: 20 });
    expect(text(u.render(delta('1', 'x'.repeat(25)), 'T'))).toEqual(['x'.repeat(25)]);
  });
});
