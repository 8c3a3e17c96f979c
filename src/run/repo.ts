import type { MogplexClient } from '../api/client.js';
import type { RepoRef } from '../inputs/settings.js';
import { inline } from '../plumbing/sanitize.js';

export class RepoNotFoundError extends Error {
  override name = 'RepoNotFoundError';
}

/**
 * A repo id looked up for its name (the delivered pull request must be in that
 * repository), or `owner/name` looked up and matched exactly (a query also
 * returns `owner/name-other`).
 */
export async function resolveRepo(client: MogplexClient, ref: RepoRef, signal?: AbortSignal): Promise<{ id: string; name: string }> {
  if (ref.kind === 'id') {
    const [repo] = await client.findRepos({ id: ref.id }, signal);
    if (repo && repo.id.toLowerCase() === ref.id) return { id: repo.id, name: repo.fullName };
    throw new RepoNotFoundError(
      `Input \`repo\`: no Mogplex repo with id ${ref.id} is visible to this token. Check the id in Mogplex (Projects), or pass \`owner/name\` as \`repo\`.`,
    );
  }
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
