import { describeDelivery } from './delivery.js';
import { escapeMarkup } from '../plumbing/sanitize.js';
import { durationMs, formatDuration, waitedMs, type Outcome, type RunReport } from './report.js';

const HEADINGS: Record<Outcome, string> = {
  success: '✅ Mogplex run succeeded',
  failed: '❌ Mogplex run failed',
  started: '▶️ Mogplex run started (not followed: `wait: false`)',
  timeout: '⏱️ Mogplex run timed out',
  cancelled: '🛑 Mogplex run stopped: the job was cancelled',
  error: '⚠️ Mogplex run: the action could not follow it',
};

function heading(report: RunReport): string {
  if (report.outcome === 'failed' && report.run.status === 'cancelled') return '🛑 Mogplex run was cancelled';
  return HEADINGS[report.outcome ?? 'error'];
}

function time(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? ''
    : date
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC');
}

function row(label: string, value: string): string {
  return `<tr><th align="left">${label}</th><td>${value}</td></tr>`;
}

function code(text: string): string {
  return text === '' ? '' : `<code>${escapeMarkup(text)}</code>`;
}

/** What the run delivered; the pull request's URL passed a strict rule, so it can be a link. */
function result(report: RunReport): string {
  const described = describeDelivery(report, {
    link: (url) => `<a href="${url}">${escapeMarkup(url)}</a>`,
    text: (untrusted) => escapeMarkup(untrusted, 1000),
  });
  if (described !== undefined) return described;
  if (report.outcome === 'started') return 'Not followed (<code>wait: false</code>)';
  return report.outcome === 'success' ? 'No delivery recorded' : 'Not delivered';
}

/** The run's artifact: short values in a table, long ones folded; the file (`artifact-file`) holds it whole. */
function artifactSection(report: RunReport): string[] {
  if (!report.artifact) return [];
  const { value } = report.artifact;
  const entries: Array<[string, unknown]> =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : [['(value)', value]];
  const rows = entries.slice(0, 50).map(([key, item]) => {
    const text = JSON.stringify(item) ?? 'null';
    const shown =
      text.length <= 120
        ? `<code>${escapeMarkup(text, 200)}</code>`
        : `<details><summary>${text.length} characters</summary><code>${escapeMarkup(text, 4000)}</code></details>`;
    return `<tr><td><code>${escapeMarkup(key, 100)}</code></td><td>${shown}</td></tr>`;
  });
  const more = entries.length > 50 ? `<p>… ${entries.length - 50} more keys in the artifact file.</p>` : '';
  return ['<h3>Artifact</h3>', `<table>${rows.join('')}</table>${more}`];
}

/** The job summary, as HTML that GitHub renders. Every value from the API is escaped. */
export function renderSummary(report: RunReport): string {
  const { run } = report;
  const byType = [...report.eventsByType].map(([type, count]) => `${escapeMarkup(type)}: ${count}`).join(', ');
  const rows = [
    row('Run id', code(run.runId)),
    row('Status', `<b>${escapeMarkup(run.status)}</b>`),
    row('Result', result(report)),
    row('Harness', escapeMarkup(report.harness)),
    ...(run.mode ? [row('Mode', escapeMarkup(run.mode, 40))] : []),
    row('Repo', escapeMarkup(report.repo)),
    row('Base branch', code(run.branch.base ?? '')),
    row('Working branch', code(report.agentBranch ?? run.branch.working ?? '')),
    // Parsed as hex: safe to show as code.
    ...(run.terminalCommitSha ? [row('Commit', code(run.terminalCommitSha))] : []),
    row(
      'Replayed',
      report.attached
        ? 'attached (started elsewhere, followed here)'
        : report.replayed
          ? 'yes (started earlier by this workflow run)'
          : 'no',
    ),
    row('Started', time(report.startedAt)),
    row('Finished', time(report.finishedAt)),
    row('Duration', formatDuration(durationMs(report))),
    ...(waitedMs(report, report.finishedAt) > 0 ? [row('Waited for input', formatDuration(waitedMs(report, report.finishedAt)))] : []),
    row('Events', `${report.eventCount}${byType ? ` (${byType})` : ''}`),
    row('Tool calls', String(report.toolCalls)),
    ...(report.automation
      ? [
          row('Automation', code(report.automation.id)),
          row('Model', escapeMarkup(report.automation.model ?? '', 100)),
          row('Tokens', `${report.automation.inputTokens ?? '?'} in, ${report.automation.outputTokens ?? '?'} out`),
          row(
            'Cost',
            report.automation.costUsd === null || report.automation.costUsd === undefined
              ? 'not reported'
              : `$${report.automation.costUsd.toFixed(4)}`,
          ),
        ]
      : []),
  ];
  const parts = [`<h2>${heading(report)}</h2>`, `<table>${rows.join('')}</table>`];
  if (report.failure) parts.push(`<p><b>Error:</b> ${escapeMarkup(report.failure)}</p>`);
  if (report.eventsLost) {
    parts.push(
      '<p><b>Note:</b> while the events were polled, more came between two reads than one read holds, so some are missing here and in the events file; the events stream (used whenever the server has it) sees every event.</p>',
    );
  }
  if (report.windowFull !== undefined) {
    parts.push(
      `<p><b>Note:</b> the first ${report.windowFull} events are shown; the Mogplex events route shows no more, and the run went on past them. Its status was followed to the end.</p>`,
    );
  }
  parts.push(...artifactSection(report));
  if (report.recentEvents.length > 0) {
    const events = report.recentEvents.map((event) => {
      const at = event.createdAt ? time(event.createdAt) : '';
      return `<tr><td>${at}</td><td>${escapeMarkup(event.type)}</td><td>${escapeMarkup(event.toolName ?? '')}</td><td>${escapeMarkup(event.message)}</td></tr>`;
    });
    parts.push(`<h3>Last events</h3>`, `<table><tr><th>Time</th><th>Type</th><th>Tool</th><th>Message</th></tr>${events.join('')}</table>`);
  }
  return parts.join('\n') + '\n';
}
