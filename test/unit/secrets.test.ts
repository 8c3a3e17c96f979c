import { describe, expect, it } from 'vitest';
import { Secrets } from '../../src/plumbing/secrets.js';

describe('Secrets', () => {
  const secrets = new Secrets();
  secrets.add('mog_a_b');
  secrets.add('mog_a_b_longer');
  secrets.add('');

  it('cuts every occurrence, the longest secret first', () => {
    expect(secrets.redact('x mog_a_b_longer y mog_a_b z')).toBe('x *** y *** z');
  });

  it('leaves text without a secret alone, and redacts nothing when none is known', () => {
    expect(secrets.redact('plain')).toBe('plain');
    expect(new Secrets().redact('mog_a_b')).toBe('mog_a_b');
  });

  it('redacts strings and keys in parsed JSON, in place, however deep', () => {
    let deep: unknown = 'mog_a_b';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const value = { message: 'token mog_a_b', list: ['mog_a_b', 1, null], 'mog_a_b key': true, deep };
    secrets.redactJson(value);
    expect(value).toMatchObject({ message: 'token ***', list: ['***', 1, null], '*** key': true });
    expect(value).not.toHaveProperty('mog_a_b key');
    let inner: unknown = value.deep;
    while (Array.isArray(inner)) inner = inner[0];
    expect(inner).toBe('***');
  });
});
