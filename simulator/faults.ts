// Fault rules keyed by request. Each rule counts the matching requests it has
// seen since it was added; it fires from its `nth` match on, `times` times.
// Rules are tried in the order they were added and at most one fault applies
// to a request, so "next /events -> 500" then "next /events -> 502" fault two
// consecutive requests.
import type { ServerResponse } from 'node:http';
import type { FaultAction, FaultRule } from './types.js';

interface ActiveRule {
  rule: FaultRule;
  seen: number;
  fired: number;
}

export class FaultBook {
  private rules: ActiveRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ rule, seen: 0, fired: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if any; advances every matching rule's count. */
  take(method: string, subPath: string): FaultAction | undefined {
    let chosen: FaultAction | undefined;
    for (const active of this.rules) {
      if (!matches(active.rule, method, subPath)) continue;
      active.seen += 1;
      const { nth = 1, times = 1 } = active.rule.match;
      if (!chosen && active.seen >= nth && active.fired < times) {
        active.fired += 1;
        chosen = active.rule.action;
      }
    }
    // Spent rules are dropped so the list stays bounded.
    this.rules = this.rules.filter((a) => a.fired < (a.rule.match.times ?? 1));
    return chosen;
  }
}

function matches(rule: FaultRule, method: string, subPath: string): boolean {
  const { method: m, path } = rule.match;
  if (m && m.toUpperCase() !== method.toUpperCase()) return false;
  if (path === undefined) return true;
  if (typeof path === 'string') return subPath.startsWith(path);
  path.lastIndex = 0; // a /g or /y regex would otherwise carry state between tests
  return path.test(subPath);
}

/** Whether the fault answers without processing the request. */
export function answersWithoutProcessing(action: FaultAction): boolean {
  if (action.destroy === 'before' || action.endless) return true;
  if (action.destroy === 'after' || action.garble) return false;
  return action.status !== undefined || action.body !== undefined;
}

/** An event a fault adds; `payloadJson` goes in as raw JSON text. */
export interface AddedEvent {
  id: string;
  type?: string;
  message?: string;
  payloadJson?: string;
}

/**
 * A rewrite that adds events to an events answer. Payloads are put in as raw
 * JSON text, so one too deep for JSON.stringify (thousands of nested arrays)
 * can still be sent.
 */
export function withEvents(...events: AddedEvent[]): (body: string) => string {
  const marker = (i: number) => `__mogplex_sim_payload_${i}__`;
  return (body) => {
    const answer = JSON.parse(body) as { data?: { events?: unknown[] } };
    events.forEach((event, i) =>
      answer.data?.events?.push({
        id: event.id,
        type: event.type ?? 'log',
        toolName: null,
        message: event.message ?? 'hostile event',
        payload: marker(i),
        createdAt: new Date().toISOString(),
      }),
    );
    let text = JSON.stringify(answer);
    events.forEach((event, i) => (text = text.replace(`"${marker(i)}"`, () => event.payloadJson ?? '{}')));
    return text;
  };
}

const ENDLESS_CHUNK = Buffer.from(`{"id":"endless","type":"log","message":"${'x'.repeat(64 * 1024)}"},`);

/** Streams an events-shaped JSON body that never closes, as fast as the client reads, until it hangs up. */
export function sendEndless(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.write('{"ok":true,"data":{"events":[');
  const pump = (): void => {
    while (!res.destroyed && res.write(ENDLESS_CHUNK));
    if (!res.destroyed) res.once('drain', pump);
  };
  pump();
}

/** Parses a FaultRule sent as JSON to /_sim/faults (path: string or {regex, flags}). */
export function faultRuleFromJson(input: unknown): FaultRule {
  if (!isRecord(input) || !isRecord(input['match']) || !isRecord(input['action'])) {
    throw new Error('expected { match: {...}, action: {...} }');
  }
  const m = input['match'];
  const a = input['action'];
  const rule: FaultRule = { match: {}, action: {} };
  if (typeof m['method'] === 'string') rule.match.method = m['method'];
  const path = m['path'];
  if (typeof path === 'string') rule.match.path = path;
  else if (isRecord(path) && typeof path['regex'] === 'string') {
    rule.match.path = new RegExp(path['regex'], typeof path['flags'] === 'string' ? path['flags'] : '');
  } else if (path !== undefined) throw new Error('match.path must be a string or { regex }');
  if (typeof m['nth'] === 'number') rule.match.nth = m['nth'];
  if (typeof m['times'] === 'number') rule.match.times = m['times'];
  if (typeof a['status'] === 'number') rule.action.status = a['status'];
  if (typeof a['body'] === 'string') rule.action.body = a['body'];
  if (typeof a['delayMs'] === 'number') rule.action.delayMs = a['delayMs'];
  if (a['destroy'] === 'before' || a['destroy'] === 'after') rule.action.destroy = a['destroy'];
  if (a['garble'] === true) rule.action.garble = true;
  if (a['endless'] === true) rule.action.endless = true;
  if (isRecord(a['headers'])) {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(a['headers'])) if (typeof v === 'string') headers[k] = v;
    rule.action.headers = headers;
  }
  return rule;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
