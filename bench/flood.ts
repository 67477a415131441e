/**
 * The GET flood of the signup bench, in a process of its own so that neither the
 * server nor the signup load generator shares its event loop: autocannon sends
 * GET FLOOD_PATH (default /v1/sessions) to FLOOD_URL over FLOOD_CONNECTIONS
 * keep-alive connections, as fast as they are answered. Over IPC:
 *   → {type: 'flooding'}  once every connection has had an answer
 *   ← {type: 'stop'}      → {type: 'flooded', …} and exits (also after FLOOD_SECONDS, default 120)
 */
import autocannon from 'autocannon';
import type { Flooded, Flooding } from './protocol.js';

const send = (message: Flooding | Flooded) => process.send!(message);
process.on('disconnect', () => process.exit(1));

const connections = Number(process.env.FLOOD_CONNECTIONS ?? 100);
let answered = 0;
const started = performance.now();
const tracker = autocannon(
  {
    url: process.env.FLOOD_URL!,
    connections,
    pipelining: 1,
    duration: Number(process.env.FLOOD_SECONDS ?? 120),
    timeout: 30,
    requests: [
      {
        method: 'GET',
        path: process.env.FLOOD_PATH ?? '/v1/sessions',
        onResponse() {
          if (++answered === connections) send({ type: 'flooding' });
        },
      },
    ],
  },
  (error, result) => {
    if (error) {
      console.error('bench flood:', error);
      process.exit(1);
    }
    const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
    const flooded: Flooded = {
      type: 'flooded',
      requests: answered,
      seconds: (performance.now() - started) / 1000,
      statuses,
      errors: result.errors,
      timeouts: result.timeouts,
    };
    process.send!(flooded, () => process.exit(0));
  },
);
process.on('message', (message: { type?: string }) => {
  if (message?.type === 'stop') tracker.stop();
});
