// The post step for `npm run local-action` (see main.ts beside it): cancels
// the run if the main step stopped before it ended.
import { post } from '../../src/post.js';

export async function run(): Promise<void> {
  await post();
}
