// The bundle's stand-in for undici: nothing works before loadUndici(), and
// afterwards both names are the real undici's.
import { ProxyAgent as RealProxyAgent } from 'undici/index.js';
import { describe, expect, it } from 'vitest';
import { fetch, loadUndici, ProxyAgent } from '../../src/plumbing/undici.js';

describe('undici stand-in', () => {
  it('refuses use before undici is loaded, then forwards to the real undici', async () => {
    expect(() => new ProxyAgent({ uri: 'http://127.0.0.1:3128' })).toThrow(/before loadUndici/);
    expect(() => fetch('http://127.0.0.1:1/')).toThrow(/before loadUndici/);
    await loadUndici();
    const agent = new ProxyAgent({ uri: 'http://127.0.0.1:3128' });
    expect(agent).toBeInstanceOf(RealProxyAgent);
    if (agent instanceof RealProxyAgent) await agent.close();
  });
});
