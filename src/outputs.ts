import type { RunReport } from './report.js';
import { inline } from './sanitize.js';

/** The step's outputs, from what is known of the run. */
export function outputsOf(report: RunReport): Record<string, string> {
  return {
    'run-id': report.run.runId,
    status: report.run.status,
    'working-branch': report.run.branch.working ?? '',
    'base-branch': report.run.branch.base ?? '',
    replayed: String(report.replayed),
    error: report.failure ? inline(report.failure, 2000) : '',
  };
}
