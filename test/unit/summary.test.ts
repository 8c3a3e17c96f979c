import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { describe, expect, it } from 'vitest';
import type { RunEvent, StartedRun } from '../../src/api/schema.js';
import { outputsOf } from '../../src/report/outputs.js';
import { newReport, recordEvent, type RunReport } from '../../src/report/report.js';
import { renderSummary } from '../../src/report/summary.js';
import { runEvent, startedRun } from './fixtures.js';

const started: StartedRun = startedRun();

function report(events: Array<Partial<RunEvent>> = []): RunReport {
  const r = newReport(started, 'acme/web');
  events.forEach((e, i) => recordEvent(r, runEvent({ id: `e${i}`, message: `m${i}`, createdAt: '2026-11-22T10:00:05.000Z', ...e })));
  return r;
}

describe('renderSummary', () => {
  it('shows the mode, the commit and the time spent waiting for input, when there are', () => {
    const r = report();
    r.run = { ...r.run, status: 'success', mode: 'SAFE', terminalCommitSha: 'a'.repeat(40) };
    r.outcome = 'success';
    r.pauses.push({ from: Date.parse('2026-11-22T10:00:10.000Z'), to: Date.parse('2026-11-22T10:01:40.000Z') });
    r.finishedAt = Date.parse('2026-11-22T10:03:00.000Z');
    const html = renderSummary(r);
    expect(html).toContain('<tr><th align="left">Mode</th><td>SAFE</td></tr>');
    expect(html).toContain(`<tr><th align="left">Commit</th><td><code>${'a'.repeat(40)}</code></td></tr>`);
    expect(html).toContain('<tr><th align="left">Waited for input</th><td>1m 30s</td></tr>');
    expect(renderSummary(report())).not.toMatch(/Mode|Commit|Waited/);
  });

  it('has the run table, events by type and the last events', () => {
    const r = report([
      { type: 'started' },
      { type: 'tool_started', toolName: 'edit_file' },
      { type: 'tool_started' },
      { type: 'finished' },
    ]);
    r.run = { ...r.run, status: 'success', updatedAt: '2026-11-22T10:03:12.000Z' };
    r.outcome = 'success';
    r.finishedAt = Date.parse('2026-11-22T10:03:12.000Z');
    const html = renderSummary(r);
    expect(html).toContain('<h2>✅ Mogplex run succeeded</h2>');
    for (const [label, value] of [
      ['Run id', '<code>run-1</code>'],
      ['Status', '<b>success</b>'],
      ['Harness', 'codex'],
      ['Repo', 'acme/web'],
      ['Base branch', '<code>main</code>'],
      ['Working branch', '<code>mogplex/external/ab-cd</code>'],
      ['Replayed', 'no'],
      ['Started', '2026-11-22 10:00:00 UTC'],
      ['Finished', '2026-11-22 10:03:12 UTC'],
      ['Duration', '3m 12s'],
      ['Events', '4 (started: 1, tool&#95;started: 2, finished: 1)'],
    ]) {
      expect(html).toContain(`<tr><th align="left">${label}</th><td>${value}</td></tr>`);
    }
    expect(html).toContain('<h3>Last events</h3>');
    expect(html).toContain('<td>edit&#95;file</td>');
  });

  it('keeps only the last five events', () => {
    const html = renderSummary(report(Array.from({ length: 8 }, () => ({}))));
    expect(html).not.toContain('<td>m2</td>');
    expect(html).toContain('<td>m3</td>');
    expect(html).toContain('<td>m7</td>');
  });

  it('shows the error and the 200-event note', () => {
    const r = report();
    r.outcome = 'failed';
    r.failure = 'Mogplex run run-1 failed: 2 tests still failing';
    r.windowFull = 200;
    const html = renderSummary(r);
    expect(html).toContain('❌ Mogplex run failed');
    expect(html).toContain('<b>Error:</b> Mogplex run run-1 failed&#58; 2 tests still failing');
    expect(html).toContain('the first 200 events are shown');
  });

  it.each([
    ['<img src=x onerror=alert(1)>', '<img'],
    ['[click](http://evil.example)', '](http'],
    ['![img](http://evil.example/x.png)', '!['],
    ['| broken | table |', '| broken'],
    ['@acme/admins please look', '@acme'],
    ['</td></tr></table><script>x</script>', '</table><script>'],
    ['**bold** _it_ `code`', '**bold**'],
  ])('escapes untrusted text %j', (attack, raw) => {
    const html = renderSummary(report([{ message: attack, type: attack, toolName: attack }]));
    expect(html).not.toContain(raw);
  });

  it('writes through the real core.summary to GITHUB_STEP_SUMMARY', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'summary-')), 'summary.md');
    writeFileSync(file, '');
    process.env.GITHUB_STEP_SUMMARY = file;
    try {
      await core.summary.addRaw(renderSummary(report([{ message: 'hello' }]))).write();
    } finally {
      delete process.env.GITHUB_STEP_SUMMARY;
    }
    expect(readFileSync(file, 'utf8')).toContain('<td>hello</td>');
  });
});

describe('outputsOf', () => {
  it('sets every output from the report', () => {
    const r = report([{ type: 'tool_started' }, { type: 'tool_finished' }, { type: 'log' }]);
    r.run = { ...r.run, status: 'failed' };
    r.failure = 'Mogplex run run-1 failed: boom\nsecond line';
    r.finishedAt = r.startedAt + 61_600;
    expect(outputsOf(r)).toEqual({
      values: {
        'run-id': 'run-1',
        status: 'failed',
        'working-branch': 'mogplex/external/ab-cd',
        'base-branch': 'main',
        replayed: 'false',
        'pull-request-url': '',
        changed: '',
        error: 'Mogplex run run-1 failed: boom second line',
        'duration-seconds': '62',
        'event-count': '3',
        'tool-calls': '1',
      },
      warnings: [],
    });
  });

  it('holds server text to each output rule: a documented status, valid branch names', () => {
    const r = report();
    r.run = {
      ...r.run,
      status: 'done"; echo INJECTED-$((6*7)); echo "',
      branch: { base: 'main\nevil', working: 'ok/branch', createBranch: false },
    };
    const { values, warnings } = outputsOf(r);
    expect(values).toMatchObject({ status: 'unknown', 'base-branch': '', 'working-branch': 'ok/branch' });
    expect(warnings).toEqual([
      expect.stringMatching(/unknown run status \("done\\"; echo INJECTED/),
      expect.stringMatching(/base-branch that is not a valid branch name/),
    ]);
    expect(Object.values(values).join('')).not.toMatch(/\n/);
  });
});
