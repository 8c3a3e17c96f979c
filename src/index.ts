import * as core from '@actions/core';
import { main } from './main.js';
import { post } from './post.js';
import { STATE } from './plumbing/state.js';

// One bundle serves both steps, told apart by state saved in the main step
// (the pattern actions/checkout uses).
if (core.getState(STATE.isPost) === 'true') {
  await post();
} else {
  core.saveState(STATE.isPost, 'true');
  await main();
}
