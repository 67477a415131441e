import * as z from 'zod/mini';

// zod's JIT probes `new Function`, which a strict CSP (no 'unsafe-eval') reports as a
// violation on every host page. The interpreted path is fast enough for our payloads.
z.config({ jitless: true });
