import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RequestBudget } from '../../src/api/budget.js';
import { MogplexClient } from '../../src/api/client.js';
import { resolveRepo } from '../../src/run/repo.js';

const API = 'https://mogplex.test';
const client = () => new MogplexClient({ apiUrl: API, token: 'mog_t', budget: new RequestBudget(60) });
const repo = (id: string, full_name: string) => ({ id, full_name, installation_id: 1, default_branch: 'main', root_directory: null });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('resolveRepo', () => {
  it('looks a repo id up for its name (the delivered pull request must be in it); an unknown id is an error naming it', async () => {
    nock(API)
      .get('/api/v1/mogplex/repos')
      .query({ id: 'uuid-1' })
      .reply(200, { ok: true, data: { repos: [repo('uuid-1', 'acme/web')] } });
    await expect(resolveRepo(client(), { kind: 'id', id: 'uuid-1' })).resolves.toEqual({ id: 'uuid-1', name: 'acme/web' });
    nock(API)
      .get('/api/v1/mogplex/repos')
      .query({ id: 'uuid-2' })
      .reply(200, { ok: true, data: { repos: [] } });
    await expect(resolveRepo(client(), { kind: 'id', id: 'uuid-2' })).rejects.toThrow(/no Mogplex repo with id uuid-2/);
  });

  it('picks the exact case-insensitive match among substring matches', async () => {
    const scope = nock(API)
      .get('/api/v1/mogplex/repos')
      .query({ q: 'Acme/Web', limit: '200' })
      .reply(200, { ok: true, data: { repos: [repo('1', 'acme/web-admin'), repo('2', 'acme/web'), repo('3', 'other/acme/web')] } });
    await expect(resolveRepo(client(), { kind: 'name', fullName: 'Acme/Web' })).resolves.toEqual({ id: '2', name: 'acme/web' });
    scope.done();
  });

  it('points at importing the repo and GitHub App coverage when nothing matches', async () => {
    nock(API)
      .get('/api/v1/mogplex/repos')
      .query(true)
      .reply(200, { ok: true, data: { repos: [repo('1', 'acme/web-admin')] } });
    const error = await resolveRepo(client(), { kind: 'name', fullName: 'acme/web' }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/Input `repo`: no Mogplex repo named acme\/web/);
    expect(String(error)).toMatch(/acme\/web-admin/);
    expect(String(error)).toMatch(/Import the repository in Mogplex/);
    expect(String(error)).toMatch(/GitHub App/);
  });
});
