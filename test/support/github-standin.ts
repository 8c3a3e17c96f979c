// A small stand-in for the GitHub REST API's issue-comment routes, on
// 127.0.0.1, for end-to-end tests of the pull-request comment (nock cannot
// reach into the action's child process).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandinComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
}

export interface GitHubStandin {
  /** Use as GITHUB_API_URL. */
  url: string;
  comments: StandinComment[];
  /** `METHOD path` of every request, in order. */
  calls: string[];
  /** Answer every write with this status instead (e.g. 403). */
  failWrites?: number;
  /** Branch heads (`GET /repos/{o}/{r}/git/ref/heads/{branch}`), by branch name. */
  heads: Record<string, string>;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<{ body?: unknown }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as { body?: unknown }) : {};
}

export async function startGitHubStandin(): Promise<GitHubStandin> {
  let nextId = 1000;
  const standin: GitHubStandin = { url: '', comments: [], calls: [], heads: {}, close: () => Promise.resolve() };
  const send = (res: ServerResponse, status: number, payload: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  };
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      standin.calls.push(`${req.method ?? ''} ${url.pathname}`);
      const list = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname);
      const edit = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname);
      if (req.headers.authorization !== 'token ghs_standin') return send(res, 401, { message: 'Bad credentials' });
      // Octokit may send the ref's slashes encoded; GitHub takes either.
      const ref = /^\/repos\/[^/]+\/[^/]+\/git\/ref\/(.+)$/.exec(url.pathname);
      const branch = ref ? decodeURIComponent(ref[1] ?? '').replace(/^heads\//, '') : undefined;
      if (branch !== undefined && req.method === 'GET') {
        const sha = standin.heads[branch];
        return sha
          ? send(res, 200, { ref: `refs/heads/${branch}`, object: { type: 'commit', sha } })
          : send(res, 404, { message: 'Not Found' });
      }
      if (list && req.method === 'GET')
        return send(
          res,
          200,
          standin.comments.filter((c) => c.issue === Number(list[1])),
        );
      if (standin.failWrites) return send(res, standin.failWrites, { message: 'Resource not accessible by integration' });
      const text = (await body(req)).body;
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
