// Unauthenticated /_sim/* routes, so a separate process (a workflow step, a
// bench script) can inspect and steer the simulator. These requests are not
// recorded and never faulted.
import { faultRuleFromJson, type FaultBook } from './faults.js';
import { fail, plainJson, type Reply } from './http.js';
import type { RecordedRequest, SimRun } from './types.js';

export interface ControlContext {
  requests: () => RecordedRequest[];
  runs: () => SimRun[];
  faults: FaultBook;
}

export function handleControl(ctx: ControlContext, method: string, path: string, body: string): Reply {
  if (method === 'GET' && path === '/_sim/requests') return plainJson({ requests: ctx.requests() });
  if (method === 'GET' && path === '/_sim/runs') return plainJson({ runs: ctx.runs() });
  if (method === 'GET' && path === '/_sim/health') return plainJson({ ok: true });
  if (method === 'DELETE' && path === '/_sim/faults') {
    ctx.faults.clear();
    return plainJson({ ok: true });
  }
  if (method === 'POST' && path === '/_sim/faults') {
    try {
      ctx.faults.add(faultRuleFromJson(JSON.parse(body)));
      return plainJson({ ok: true }, 201);
    } catch (error) {
      return fail(400, 'BAD_REQUEST', `Invalid fault rule: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return fail(404, 'NOT_FOUND', 'Unknown simulator control route');
}
