import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import { buildOpenApi, renderOpenApi } from '../openapi.js';

describe('OpenAPI document', () => {
  it('docs/openapi.json is current (else run `npm run openapi`)', async () => {
    const file = await readFile(new URL('../../docs/openapi.json', import.meta.url), 'utf8');
    assert.equal(file, renderOpenApi());
  });

  it('is deterministic and every $ref points at a component', () => {
    assert.equal(renderOpenApi(), renderOpenApi());
    const doc = buildOpenApi() as { openapi: string; paths: object; components: { schemas: Record<string, unknown> } };
    assert.equal(doc.openapi, '3.1.0');
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(refs.length > 5);
    for (const name of refs) assert.ok(name in doc.components.schemas, `missing component ${name}`);
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      '/v1/admin/audit',
      '/v1/admin/me',
      '/v1/admin/module-requests',
      '/v1/admin/modules',
      '/v1/admin/modules/{id}',
      '/v1/admin/people/erase',
      '/v1/admin/people/search',
      '/v1/admin/session',
      '/v1/admin/sessions',
      '/v1/admin/sessions/{id}',
      '/v1/admin/sessions/{id}/attendance',
      '/v1/admin/sessions/{id}/attendees',
      '/v1/admin/sessions/{id}/cancel',
      '/v1/admin/sessions/{id}/cancel-preview',
      '/v1/admin/sessions/{id}/duplicate',
      '/v1/admin/sessions/{id}/publish',
      '/v1/admin/sessions/{id}/unpublish',
      '/v1/admin/sign-in',
      '/v1/admin/sign-out',
      '/v1/admin/signups.csv',
      '/v1/bookings/cancel',
      '/v1/bookings/confirm',
      '/v1/bookings/view',
      '/v1/feed.ics',
      '/v1/module-requests',
      '/v1/module-requests/confirm',
      '/v1/modules',
      '/v1/pathway',
      '/v1/pathway/audience',
      '/v1/sessions',
      '/v1/sessions.jsonld',
      '/v1/sessions/{id}.ics',
      '/v1/signups',
    ]);
  });

  it('passes redocly lint with the recommended rules and no warnings (redocly.yaml)', async () => {
    const root = new URL('../../', import.meta.url);
    const cli = new URL('node_modules/.bin/redocly', root).pathname;
    const run = await promisify(execFile)(cli, ['lint', 'docs/openapi.json', '--format=summary'], { cwd: root.pathname }).then(
      () => 'ok',
      (error: { stdout?: string; stderr?: string }) => `${error.stdout}\n${error.stderr}`,
    );
    assert.equal(run, 'ok');
  });

  it('declares what each operation needs: public ones no credentials, the export a bearer token or a session, and its 401 and 429', () => {
    const doc = buildOpenApi() as { paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>> };
    for (const [path, item] of Object.entries(doc.paths))
      for (const operation of Object.values(item)) {
        assert.ok(Object.keys(operation.responses).some((status) => status.startsWith('4')), `${path} documents a 4xx`);
        // Organisers sign in without credentials, then hold a session cookie; the export also takes the machines' bearer token.
        const open = { '/v1/admin/sign-in': [], '/v1/admin/session': [], '/v1/admin/signups.csv': [{ adminToken: [] }, { adminSession: [] }] }[path];
        assert.deepEqual(operation.security, open ?? (path.startsWith('/v1/admin/') ? [{ adminSession: [] }] : []), path);
      }
    const exportResponses = doc.paths['/v1/admin/signups.csv']!.get!.responses;
    assert.match(JSON.stringify(exportResponses[401]), /code unauthorized/);
    assert.ok(exportResponses[429]);
  });
});
