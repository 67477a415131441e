import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { confirmPlace, confirmPlaces, HOLD_SLOT } from '../mail/templates/booking.js';
import { makeSessions } from '../seed/programme.js';

/** A signup renders both of its possible emails once, with a slot for the hold's sentence (store/signup-hold.ts fills it in SQL). */
describe('confirm your place: both holds from one rendering', () => {
  const session = makeSessions(new Date('2026-11-02T12:00:00Z')).find((s) => s.venue && s.accessibility)!;
  for (const lang of ['en-GB', 'gd', 'cy'] as const) {
    it(`filled in, it is confirmPlace's email for each hold, byte for byte (${lang})`, () => {
      const m = {
        session,
        title: 'Field organising <part one> & "more"',
        lang,
        firstName: `O'Neil <b>&amp;`,
        footer: { controller: 'Unite the Union', privacyUrl: 'https://example.org/privacy?a=1&b=2', pathway: 'https://example.org/pathway#token=x' },
        link: 'https://example.org/booking?lang=cy#confirm=abc&x=<y>',
        expiresAt: '2026-11-04T12:34:56.000Z',
      };
      const { email, place, waitlist } = confirmPlaces(m);
      for (const [hold, sentence] of [['place', place], ['waitlist', waitlist]] as const) {
        const expected = confirmPlace({ ...m, hold });
        assert.equal(email.subject, expected.subject);
        assert.equal(email.text.split(HOLD_SLOT).join(sentence.text), expected.text);
        assert.equal(email.html.split(HOLD_SLOT).join(sentence.html), expected.html);
        assert.equal(email.text.split(HOLD_SLOT).length, 2, 'one slot in the text');
        assert.equal(email.html.split(HOLD_SLOT).length, 2, 'one slot in the HTML');
      }
      assert.notEqual(place.text, waitlist.text);
    });
  }
});
