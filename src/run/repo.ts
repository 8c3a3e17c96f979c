import type { MogplexClient } from '../api/client.js';
import type { RepoRef } from '../inputs/settings.js';
import { inline } from '../plumbing/sanitize.js';

export class RepoNotFoundError extends Error {
  override name = 'RepoNotFoundError';
}

/** A repo id as given, or `owner/name` looked up and matched exactly (a query also returns `owner/name-other`). */
export async function resolveRepo(client: MogplexClient, ref: RepoRef, signal?: AbortSignal): Promise<{ id: string; name: string }> {
  if (ref.kind === 'id') return { id: ref.id, name: ref.id };
  const repos = await client.findRepos(ref.fullName, signal);
  const wanted = ref.fullName.toLowerCase();
  const match = repos.find((repo) => repo.fullName.toLowerCase() === wanted);
  if (match) return { id: match.id, name: match.fullName };
  const others =
    repos.length > 0
      ? ` (similar names it can see: ${inline(
          repos
            .slice(0, 5)
            .map((r) => r.fullName)
            .join(', '),
          300,
        )})`
      : '';
  throw new RepoNotFoundError(
    `Input \`repo\`: no Mogplex repo named ${ref.fullName} is visible to this token${others}. ` +
      'Import the repository in Mogplex (Projects) and check that the Mogplex GitHub App installation covers it, or pass the repo id (UUID) as `repo`.',
  );
}
