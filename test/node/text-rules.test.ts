/**
 * src/contract/text.ts writes its rules out as literals for size; this assembles
 * them again from their documented parts, so an edit to one literal that the
 * others (or the OpenAPI patterns' intent) do not share shows up here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEXT_RULES, VISIBLE } from '../../src/contract/text.js';

const CONTROLS = String.raw`\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f`;
const LINE_BREAKS = String.raw`\t\n\r\u2028\u2029`;
const SURROGATES = String.raw`\ud800-\udfff`;
const PAIR = String.raw`[\ud800-\udbff][\udc00-\udfff]`;
const BIDI = String.raw`\u202a-\u202e\u2066-\u2069`;
const INVISIBLE =
  String.raw` \u00a0\u00ad\u034f\u061c\u115f\u1160\u1680\u17b4\u17b5\u180b-\u180f\u2000-\u200f\u202f\u205f-\u2064` +
  String.raw`\u206a-\u206f\u2800\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0`;
const INVISIBLE_ASTRAL = String.raw`\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}`;
const all = (forbidden: string) => `^(?:[^${CONTROLS}${SURROGATES}${forbidden}]|${PAIR})*$`;

test('each text rule is its parts, as documented', () => {
  assert.equal(TEXT_RULES.line.source, all(LINE_BREAKS));
  assert.equal(TEXT_RULES.paragraphs.source, all(''));
  assert.equal(TEXT_RULES.name.source, all(LINE_BREAKS + BIDI));
  assert.equal(VISIBLE.source, `[^${CONTROLS}${LINE_BREAKS}${SURROGATES}${BIDI}${INVISIBLE}${INVISIBLE_ASTRAL}]`);
  for (const re of Object.values(TEXT_RULES)) assert.equal(re.flags, '');
  assert.equal(VISIBLE.flags, 'u');
});

test('VISIBLE reads as a JSON Schema validator reads its pattern (u flag): tags and variation selectors print nothing', () => {
  const asDocumented = new RegExp(VISIBLE.source, 'u');
  const cases: [string, boolean][] = [
    ['a', true], ['\ud83d\ude00', true], ['\u{10000}', true], ['\u{e0000}', false], ['\u{e0041}', false], ['\u{e007f}', false],
    ['\u{e0080}', true], ['\u{e0100}', false], ['\u{e01ef}', false], ['\u{e01f0}', true], ['\u200b', false], ['\ud800', false], [' ', false],
  ];
  for (const [text, visible] of cases) {
    assert.equal(VISIBLE.test(text), visible, JSON.stringify(text));
    assert.equal(asDocumented.test(text), visible, `documented pattern: ${JSON.stringify(text)}`);
  }
});
