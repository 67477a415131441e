import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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
      '/v1/admin/signups.csv',
      '/v1/modules',
      '/v1/sessions',
      '/v1/sessions/{id}.ics',
      '/v1/signups',
    ]);
  });
});
