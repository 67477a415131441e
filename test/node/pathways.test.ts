/** The pathways (src/contract/pathways.ts) against the seeded programme: data that cannot drift from it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AUDIENCES } from '../../src/contract/enums.js';
import { PATHWAYS } from '../../src/contract/pathways.js';
import { modules } from '../../server/seed/modules.js';

const byId = new Map(modules.map((m) => [m.id, m]));

describe('pathways', () => {
  it('has one for every audience, and no other', () => {
    assert.deepEqual(Object.keys(PATHWAYS).sort(), [...AUDIENCES].sort());
  });

  for (const audience of AUDIENCES)
    it(`${audience}: every id is a seeded module, once, and each part or prerequisite comes before what follows it`, () => {
      const steps = PATHWAYS[audience];
      assert.ok(steps.length >= 3, 'a pathway of at least three modules');
      assert.equal(new Set(steps).size, steps.length, 'no module twice');
      for (const [i, id] of steps.entries()) {
        const module = byId.get(id);
        assert.ok(module, `${id} is not in server/seed/modules.ts`);
        for (const before of module.prerequisites ?? [])
          if (steps.includes(before)) assert.ok(steps.indexOf(before) < i, `${before} comes before ${id}`);
          else assert.fail(`${id} needs ${before}, which the ${audience} pathway leaves out`);
        const earlierPart = modules.find((m) => m.series && m.series === module.series && (m.part ?? 0) < (module.part ?? 0) && steps.includes(m.id));
        if (earlierPart) assert.ok(steps.indexOf(earlierPart.id) < i, `${earlierPart.id} comes before ${id}`);
      }
    });

  it('puts every module of the programme on some pathway', () => {
    const onSome = new Set(Object.values(PATHWAYS).flat());
    assert.deepEqual(modules.map((m) => m.id).filter((id) => !onSome.has(id)), []);
  });

  it('starts new activists with Voter Persuasion, then Field Organising part one and part two (the programme’s entry point)', () => {
    assert.deepEqual(PATHWAYS['new-activists'].slice(0, 3), ['voter-persuasion', 'field-organising-1', 'field-organising-2']);
  });
});
