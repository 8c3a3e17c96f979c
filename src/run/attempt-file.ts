// The start request, kept for the post step. The runner hands step state to
// the post step as environment variables, and Linux refuses any one larger
// than 128 KiB, so a large prompt in the state would keep the post step from
// starting at all. The state holds the key, a file under RUNNER_TEMP the body
// and a hash that proves the file is the body that was sent.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { STATE } from '../plumbing/state.js';
import type { StartAttempt } from './may-have-started.js';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Saves the attempt before it is sent: from then on a run may exist before its id is known. */
export function saveAttempt(attempt: StartAttempt, directory = process.env.RUNNER_TEMP || tmpdir()): void {
  const hash = sha256(attempt.body);
  const path = join(directory, `mogplex-start-${sha256(attempt.key).slice(0, 16)}.json`);
  writeFileSync(path, attempt.body, { mode: 0o600 });
  core.saveState(STATE.startKey, attempt.key);
  core.saveState(STATE.startBodyFile, path);
  core.saveState(STATE.startBodySha256, hash);
}

/** The attempt the main step saved, or undefined when there is none (or its file is gone or not what was sent). */
export function loadAttempt(): StartAttempt | undefined {
  const key = core.getState(STATE.startKey);
  const path = core.getState(STATE.startBodyFile);
  if (key === '' || path === '') return undefined;
  let body: string;
  try {
    body = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return sha256(body) === core.getState(STATE.startBodySha256) ? { key, body } : undefined;
}
