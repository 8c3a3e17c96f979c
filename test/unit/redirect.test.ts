import { describe, expect, it } from 'vitest';
import { judgeRedirect } from '../../src/api/redirect.js';

const FROM = 'https://www.mogplex.com/api/v1/mogplex/runs?x=1';

describe('judgeRedirect', () => {
  it.each([
    [FROM, 308, 'https://mogplex.com/api/v1/mogplex/runs?x=1', 'https://mogplex.com'],
    [FROM, 307, 'https://mogplex.com/api/v1/mogplex/runs?x=1', 'https://mogplex.com'],
    ['https://mogplex.com/api/v1/mogplex/runs', 308, 'https://www.mogplex.com/api/v1/mogplex/runs', 'https://www.mogplex.com'],
  ])('follows %s -> %s', (from, status, location, origin) => {
    expect(judgeRedirect(from, status, location)).toEqual({ follow: true, origin });
  });

  it.each([
    [301, 'https://mogplex.com/api/v1/mogplex/runs?x=1'],
    [302, 'https://mogplex.com/api/v1/mogplex/runs?x=1'],
    [303, 'https://mogplex.com/api/v1/mogplex/runs?x=1'],
    [308, 'http://mogplex.com/api/v1/mogplex/runs?x=1'],
    [308, 'https://evil.example/api/v1/mogplex/runs?x=1'],
    [308, 'https://mogplex.com.evil.example/api/v1/mogplex/runs?x=1'],
    [308, 'https://www.www.mogplex.com/api/v1/mogplex/runs?x=1'],
    [308, 'https://user:pw@mogplex.com/api/v1/mogplex/runs?x=1'],
    [308, 'https://mogplex.com/api/v1/mogplex/runs'],
    [307, '/login?next=%2Fapi'],
    [308, 'https://mogplex.com:444/api/v1/mogplex/runs?x=1'],
    [308, '://not a url'],
  ])('refuses a %i to %s', (status, location) => {
    expect(judgeRedirect(FROM, status, location)).toMatchObject({ follow: false });
  });

  it('never follows the move over plain http (loopback only: the move would leave it)', () => {
    expect(judgeRedirect('http://localhost:8787/a', 308, 'http://www.localhost:8787/a')).toMatchObject({ follow: false });
    expect(judgeRedirect('http://www.localhost:8787/a', 308, 'http://localhost:8787/a')).toMatchObject({ follow: false });
  });

  it('refuses a redirect without a Location', () => {
    expect(judgeRedirect(FROM, 308, undefined)).toEqual({ follow: false, location: '(no Location header)' });
  });
});
