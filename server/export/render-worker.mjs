// Entry of the export worker thread. Plain JavaScript so that Node starts it the same way under
// tsx (the server), vitest (the tests) or plain node: it registers tsx, then loads the renderer.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
