import type { Context, Hono } from 'hono';
import { adminApiPaths, AuditPageSchema, AuditQuerySchema, ManagedModuleSchema, ManagedModulesResponseSchema, ModulePatchSchema } from '../../src/contract/admin.js';
import { ModuleSchema } from '../../src/contract/index.js';
import { requireOrganiser, type OrganiserEnv } from '../http/organiser-session.js';
import { json, ProblemError } from '../http/reply.js';
import type { NodeEnv } from '../http/server.js';
import { createModule, listManagedModules, patchModule, type ManagedModule } from '../store/admin-modules.js';
import { audit } from '../store/audit.js';
import { readAudit } from '../store/audit-read.js';
import type { Deps } from './context.js';
import { honoPath, ifMatchVersion, MAX_ADMIN_BODY_BYTES } from './admin-sessions.js';
import { limitBody, readQuery, readValid } from './json-body.js';

type C = Context<OrganiserEnv>;
const answer = (c: C, managed: ManagedModule, status: 200 | 201 = 200) => {
  c.header('ETag', `"${managed.version}"`);
  return json(c, ManagedModuleSchema.parse(managed), status);
};

/**
 * Modules are programme-wide: every organiser reads them, only an admin creates or edits.
 * The audit log: an admin reads every entry, an organiser their own actions.
 */
export function mountAdminModuleRoutes(api: Hono<NodeEnv>, deps: Deps): void {
  const signedIn = requireOrganiser(deps);
  const admin = requireOrganiser(deps, 'admin');
  const body = limitBody(MAX_ADMIN_BODY_BYTES);

  api.get(adminApiPaths.modules, signedIn, async (c: C) => json(c, ManagedModulesResponseSchema.parse({ modules: await listManagedModules(deps.db) })));

  api.post(adminApiPaths.modules, admin, body, async (c: C) => {
    const created = await createModule(deps.db, await readValid(c, ModuleSchema));
    if (created === 'exists') throw new ProblemError(409, 'conflict', 'A module with this id exists');
    await audit(deps.db, { actor: String(c.var.organiser.id), action: 'module.create', target: created.module.id }, deps.now());
    return answer(c, created, 201);
  });

  api.patch(honoPath(adminApiPaths.module), admin, body, async (c: C) => {
    const version = ifMatchVersion(c);
    const patch = await readValid(c, ModulePatchSchema);
    const id = c.req.param('id') ?? '';
    const outcome = await patchModule(deps.db, id, version, patch);
    if ('module' in outcome) {
      await audit(deps.db, { actor: String(c.var.organiser.id), action: 'module.update', target: id, detail: { fields: Object.keys(patch) } }, deps.now());
      return answer(c, outcome);
    }
    if (outcome.kind === 'not-found') throw new ProblemError(404, 'not-found', 'No such module');
    if (outcome.kind === 'conflict') {
      throw new ProblemError(412, 'conflict', 'Someone else changed this meanwhile', { detail: `Reload it (now version ${outcome.version}), check the change, and apply yours again.` });
    }
    throw new ProblemError(422, 'validation', 'Check your answers', { errors: outcome.errors });
  });

  api.get(adminApiPaths.audit, signedIn, async (c: C) => {
    const query = readQuery(c, AuditQuerySchema, 'before is the previous page’s next; limit is 1 to 100.');
    const organiser = c.var.organiser;
    const page = await readAudit(deps.db, {
      limit: Number(query.limit ?? 50),
      ...(query.before ? { before: query.before } : {}),
      ...(organiser.role === 'admin' ? {} : { actor: String(organiser.id) }),
    });
    return json(c, AuditPageSchema.parse(page));
  });
}
