/**
 * zod-lite spells out zod's date-time pattern instead of bundling zod's builder;
 * this holds the copy to zod's own, so a zod upgrade that changes it fails here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { regexes } from 'zod/v4/core';
import { DATETIME } from '../../src/contract/zod-lite.js';

test("zod-lite's date-time pattern is zod's, for the form the contract uses", () => {
  const zods = regexes.datetime({ offset: true, local: false, precision: null });
  assert.equal(DATETIME?.source, zods.source);
  assert.equal(DATETIME.flags, zods.flags);
});
