// Stands in for @actions/exec in the bundle (tsconfig.json `paths`, which ncc
// resolves through). @actions/core imports it at load time for
// platform.getDetails(), which this action never calls, and with it come
// node:child_process, @actions/io and fs.promises. Nothing calls this stand-in
// either, so the bundle leaves both out; were it called, the real module would
// load then. (Its package exports only ".", which `paths` sends here: hence
// the path into node_modules.)
type Exec = typeof import('../../node_modules/@actions/exec/lib/exec.js');

export async function getExecOutput(...args: Parameters<Exec['getExecOutput']>): ReturnType<Exec['getExecOutput']> {
  const exec: Exec = await import('../../node_modules/@actions/exec/lib/exec.js');
  return exec.getExecOutput(...args);
}
