/** The audit log view's one call: a page of entries, newest first, older than `before`. */
import { adminApiPaths, AuditPageSchema } from '../../contract/admin.js';
import type { AdminClient } from './api.js';

export const PAGE_SIZE = 50;

export const auditPage = (client: AdminClient, before?: string) => {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...(before ? { before } : {}) });
  return client.request('GET', `${adminApiPaths.audit}?${query}`, AuditPageSchema);
};
