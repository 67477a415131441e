/** The requests view's one call: the confirmed module requests waiting for a session, pooled per module and area. */
import { moduleRequestPaths, PooledRequestsResponseSchema } from '../../contract/module-request.js';
import type { AdminClient } from './api.js';

export const pooledRequests = (client: AdminClient) => client.request('GET', moduleRequestPaths.pooled, PooledRequestsResponseSchema);
