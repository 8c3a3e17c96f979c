// A small stand-in for the GitHub REST API routes the action calls, on
// 127.0.0.1, for end-to-end tests (nock cannot reach into the action's child
// process): issue comments, the collaborator permission, reactions on issue and
// review comments, pull requests, and branch heads.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandinComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
}

export interface StandinReaction {
  /** `issue` for issue comments, `review` for pull request review comments. */
  on: 'issue' | 'review';
  commentId: number;
  content: string;
}

/** A pull request as `GET /pulls/{n}` answers it (the fields the action reads). */
export interface StandinPull {
  number: number;
  head: { ref: string; sha?: string; repo: { full_name: string } | null };
  base: { ref: string; repo: { full_name: string } };
}

export interface GitHubStandin {
  /** Use as GITHUB_API_URL. */
  url: string;
  comments: StandinComment[];
  reactions: StandinReaction[];
  /** `GET .../collaborators/{login}/permission` answers, by login; a login not here gets 404. */
  permissions: Record<string, { permission: string; role_name?: string }>;
  pulls: Record<number, StandinPull>;
  /** `GET .../git/ref/heads/{branch}` answers: the commit each branch points at now. */
  heads: Record<string, string>;
  /** `METHOD path` of every request, in order. */
  calls: string[];
  /** Answer every write with this status instead (e.g. 403). */
  failWrites?: number;
  /** Answer the permission route with this status instead. */
  failPermission?: number;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<{ body?: unknown; content?: unknown }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as { body?: unknown; content?: unknown }) : {};
}

const REPO = '^/repos/[^/]+/[^/]+';

export async function startGitHubStandin(): Promise<GitHubStandin> {
  let nextId = 1000;
  const standin: GitHubStandin = {
    url: '',
    comments: [],
    reactions: [],
    permissions: {},
    pulls: {},
    heads: {},
    calls: [],
    close: () => Promise.resolve(),
  };
  const send = (res: ServerResponse, status: number, payload: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  };
  const route = (pattern: string, path: string) => new RegExp(`${REPO}${pattern}$`).exec(path);
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      // Octokit encodes the `/` in a ref (heads%2Ffeature%2Flogin); GitHub reads it either way.
      const path = decodeURIComponent(url.pathname);
      standin.calls.push(`${req.method ?? ''} ${path}`);
      if (req.headers.authorization !== 'token ghs_standin') return send(res, 401, { message: 'Bad credentials' });
      const list = route('/issues/(\\d+)/comments', path);
      const edit = route('/issues/comments/(\\d+)', path);
      const permission = route('/collaborators/([^/]+)/permission', path);
      const pull = route('/pulls/(\\d+)', path);
      const reaction = route('/(issues|pulls)/comments/(\\d+)/reactions', path);
      const head = route('/git/ref/heads/(.+)', path);
      const label = route('/issues/(\\d+)/labels/(.+)', path);
      if (list && req.method === 'GET')
        return send(
          res,
          200,
          standin.comments.filter((c) => c.issue === Number(list[1])),
        );
      if (permission && req.method === 'GET') {
        if (standin.failPermission) return send(res, standin.failPermission, { message: 'Resource not accessible by integration' });
        const answer = standin.permissions[permission[1] ?? ''];
        return answer ? send(res, 200, { ...answer, user: { login: permission[1] } }) : send(res, 404, { message: 'Not Found' });
      }
      if (pull && req.method === 'GET') {
        const found = standin.pulls[Number(pull[1])];
        return found ? send(res, 200, found) : send(res, 404, { message: 'Not Found' });
      }
      if (head && req.method === 'GET') {
        const branch = head[1] ?? '';
        const sha = standin.heads[branch];
        return sha
          ? send(res, 200, { ref: `refs/heads/${branch}`, object: { type: 'commit', sha } })
          : send(res, 404, { message: 'Not Found' });
      }
      if (standin.failWrites) return send(res, standin.failWrites, { message: 'Resource not accessible by integration' });
      if (label && req.method === 'DELETE') return send(res, 200, []);
      const payload = await body(req);
      if (reaction && req.method === 'POST' && typeof payload.content === 'string') {
        standin.reactions.push({
          on: reaction[1] === 'issues' ? 'issue' : 'review',
          commentId: Number(reaction[2]),
          content: payload.content,
        });
        return send(res, 201, { id: nextId++, content: payload.content });
      }
      const text = payload.body;
      if (list && req.method === 'POST' && typeof text === 'string') {
        const comment: StandinComment = {
          id: nextId++,
          issue: Number(list[1]),
          body: text,
          user: { login: 'github-actions[bot]', type: 'Bot' },
        };
        standin.comments.push(comment);
        return send(res, 201, comment);
      }
      const existing = edit && standin.comments.find((c) => c.id === Number(edit[1]));
      if (existing && req.method === 'PATCH' && typeof text === 'string') {
        existing.body = text;
        return send(res, 200, existing);
      }
      send(res, 404, { message: 'Not Found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standin.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  standin.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return standin;
}
