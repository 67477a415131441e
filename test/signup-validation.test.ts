import { expect } from '@open-wc/testing';
import { MobiliseError } from '../src/client/index.js';
import type { Problem, Session } from '../src/contract/index.js';
import { classifyFailure } from '../src/elements/signup-form/failure.js';
import { IdempotencyKeys, newIdempotencyKey } from '../src/elements/signup-form/idempotency.js';
import { availability } from '../src/elements/signup-form/summary.js';
import { safeHref } from '../src/elements/signup-form/fields.js';
import {
  emptyValues,
  fieldOf,
  problemToProblems,
  summaryEntries,
  validate,
  type FormValues,
} from '../src/elements/signup-form/validation.js';
import { en } from '../src/strings/en.js';
import { rateLimitedFor } from '../src/strings/compose.js';


const KEY = 'key-0123456789abcdef';
const valid = (over: Partial<FormValues> = {}): FormValues => ({
  ...emptyValues(),
  firstName: '  Ada ',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  postcode: 'g1 1aa',
  membership: 'member',
  consentContact: true,
  ...over,
});

describe('signup validation (pure)', () => {
  it('turns valid answers into the exact request: trimmed, empty optionals left out, marketing false, this page to come back to', () => {
    const result = validate(valid(), 'fo1-glasgow-2026-12-03', KEY, 'https://clp.example/privacy');
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(JSON.parse(JSON.stringify(result.request))).to.deep.equal({
      sessionId: 'fo1-glasgow-2026-12-03',
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      postcode: 'G1 1AA',
      membership: 'member',
      consentContact: true,
      consentMarketing: false,
      website: '',
      idempotencyKey: KEY,
      returnUrl: location.origin + location.pathname,
      privacyUrl: 'https://clp.example/privacy',
    });
  });

  it('reports every problem of an empty form with the shared contract messages', () => {
    const result = validate(emptyValues(), 'fo1-glasgow', KEY);
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    const m = en.validation;
    expect(result.problems.fields).to.deep.equal({
      firstName: m.firstName,
      lastName: m.lastName,
      email: m.email,
      postcode: m.postcode,
      membership: m.membership,
      consentContact: m.consentContact,
    });
    expect(result.problems.general).to.deep.equal([]);
    expect(summaryEntries(result.problems).map((e) => e.field)).to.deep.equal([
      'firstName',
      'lastName',
      'email',
      'postcode',
      'membership',
      'consentContact',
    ]);
  });

  it('checks optional fields only when given', () => {
    const bad = validate(valid({ phone: 'call me', accessNeeds: 'x'.repeat(1001) }), 's1', KEY);
    expect(bad.ok).to.equal(false);
    if (bad.ok) return;
    expect(bad.problems.fields).to.deep.equal({ phone: en.validation.phone, accessNeeds: en.validation.accessNeeds });
    const ok = validate(valid({ phone: '07700 900982', clp: 'Glasgow Central' }), 's1', KEY);
    expect(ok.ok && ok.request.phone).to.equal('07700 900982');
  });

  it('refuses hidden characters in the browser with the server’s words: controls, bidi overrides, invisible-only names', () => {
    const result = validate(
      valid({ firstName: 'Ann\u202eLee', lastName: '\u200b\u200d', clp: 'Glasgow\u0000', accessNeeds: 'Ramp\nHearing loop\u0007' }),
      's1',
      KEY,
    );
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    const m = en.validation;
    expect(result.problems.fields).to.deep.equal({ firstName: m.characters, lastName: m.lastName, clp: m.characters, accessNeeds: m.characters });
    const ok = validate(valid({ lastName: 'Nik\u200cnam', accessNeeds: 'Ramp\r\n\tHearing loop' }), 's1', KEY);
    expect(ok.ok && [ok.request.lastName, ok.request.accessNeeds]).to.deep.equal(['Nik\u200cnam', 'Ramp\r\n\tHearing loop']);
  });

  it('passes a filled honeypot through for the server to judge instead of blocking a person', () => {
    const result = validate(valid({ website: 'spam.example' }), 's1', KEY);
    expect(result.ok && result.request.website).to.equal('spam.example');
  });

  it('puts problems without a visible field (session, key) in the general list', () => {
    const result = validate(valid(), 'Not A Slug', 'short');
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.problems.fields).to.deep.equal({});
    expect(result.problems.general).to.include(en.validation.idempotencyKey);
    expect(result.problems.general).to.have.length(2);
  });

  it('maps server field paths of any style onto form fields', () => {
    expect(fieldOf('email')).to.equal('email');
    expect(fieldOf('/postcode')).to.equal('postcode');
    expect(fieldOf('body.firstName')).to.equal('firstName');
    expect(fieldOf(['consentContact'])).to.equal('consentContact');
    expect(fieldOf('website')).to.equal(undefined);
    expect(fieldOf('')).to.equal(undefined);
  });

  it('maps a 422 problem to field errors, unknown fields to general, and falls back to detail', () => {
    const problem: Problem = {
      type: 'x',
      title: 'Invalid',
      status: 422,
      code: 'validation',
      errors: [
        { field: 'email', message: 'That email is blocked' },
        { field: 'email', message: 'second message ignored' },
        { field: 'sessionId', message: 'Choose a session' },
      ],
    };
    expect(problemToProblems(problem)).to.deep.equal({
      fields: { email: 'That email is blocked' },
      general: ['Choose a session'],
    });
    expect(problemToProblems({ ...problem, errors: undefined, detail: 'Check your answers' })).to.deep.equal({
      fields: {},
      general: ['Check your answers'],
    });
  });
});

describe('signup idempotency keys', () => {
  it('match the contract pattern, stay per session until renewed', () => {
    expect(newIdempotencyKey()).to.match(/^[A-Za-z0-9_-]{16,100}$/);
    const keys = new IdempotencyKeys();
    const a = keys.for('s1');
    expect(keys.for('s1')).to.equal(a);
    expect(keys.for('s2')).not.to.equal(a);
    keys.renew('s1');
    expect(keys.for('s1')).not.to.equal(a);
  });
});

describe('signup session availability', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  const base: Session = {
    id: 's1',
    moduleId: 'm1',
    start: '2026-03-10T18:30:00+00:00',
    end: '2026-03-10T20:30:00+00:00',
    delivery: 'online',
    area: 'Glasgow',
    capacity: 20,
    spacesLeft: 5,
    status: 'scheduled',
    waitlist: true,
  };
  it('is open, waitlist or full by spaces; closed after the deadline or start; cancelled first', () => {
    expect(availability(base, now)).to.equal('open');
    expect(availability({ ...base, spacesLeft: 0 }, now)).to.equal('waitlist');
    expect(availability({ ...base, status: 'full', waitlist: false }, now)).to.equal('full');
    expect(availability({ ...base, signupDeadline: '2026-02-28T00:00:00Z' }, now)).to.equal('closed');
    expect(availability(base, Date.parse(base.start))).to.equal('closed');
    expect(availability({ ...base, status: 'cancelled', spacesLeft: 0 }, now)).to.equal('cancelled');
  });
});

describe('signup privacy link', () => {
  it('allows http(s) and relative links only', () => {
    expect(safeHref('https://labour.example/privacy')).to.equal('https://labour.example/privacy');
    expect(safeHref('/privacy')).to.equal(new URL('/privacy', location.href).href);
    expect(safeHref('javascript:alert(1)')).to.equal(undefined);
    expect(safeHref('')).to.equal(undefined);
  });
});

describe('signup failure handling', () => {
  const problemError = (status: number, code: Problem['code'], extra: Partial<Problem> = {}, retryAfter?: number) =>
    new MobiliseError('problem', code, { status, retryAfter, problem: { type: 'x', title: code, status, code, ...extra } });
  const t = en.signup;

  it('maps each server answer to what the member sees', () => {
    expect(classifyFailure(new MobiliseError('network', 'x'))).to.deep.equal({ kind: 'notice', text: t.networkRetry });
    expect(classifyFailure(new MobiliseError('timeout', 'x'))).to.deep.equal({ kind: 'notice', text: t.networkRetry });
    expect(classifyFailure(new MobiliseError('http', 'x', { status: 503 }))).to.deep.equal({ kind: 'notice', text: t.networkRetry });
    expect(classifyFailure(problemError(409, 'session-full'))).to.deep.equal({ kind: 'outcome', outcome: 'full' });
    expect(classifyFailure(problemError(409, 'session-closed'))).to.deep.equal({ kind: 'outcome', outcome: 'closed' });
    expect(classifyFailure(problemError(429, 'rate-limited', {}, 30))).to.deep.equal({ kind: 'notice', text: rateLimitedFor(en, 30) });
    expect(classifyFailure(new MobiliseError('http', 'x', { status: 429 }))).to.deep.equal({ kind: 'notice', text: t.rateLimited });
    expect(classifyFailure(problemError(409, 'idempotency-conflict'))).to.deep.equal({ kind: 'notice', text: t.conflict, renewKey: true });
    expect(classifyFailure(problemError(403, 'forbidden', { detail: 'Not from this site' }))).to.deep.equal({
      kind: 'notice',
      text: 'Not from this site',
    });
    expect(classifyFailure(new MobiliseError('bad-response', 'x'))).to.deep.equal({ kind: 'notice', text: t.failed });
    expect(classifyFailure(new Error('boom'))).to.deep.equal({ kind: 'notice', text: t.failed });
    const v = classifyFailure(problemError(422, 'validation', { errors: [{ field: 'email', message: 'No' }] }));
    expect(v).to.deep.equal({ kind: 'problems', problems: { fields: { email: 'No' }, general: [] } });
  });

  it('words the wait in seconds or minutes', () => {
    expect(rateLimitedFor(en, 1)).to.include('Wait 1 second,');
    expect(rateLimitedFor(en, 45)).to.include('Wait 45 seconds,');
    expect(rateLimitedFor(en, 300)).to.include('Wait 5 minutes,');
  });
});
