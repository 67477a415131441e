import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  escapeIcsText,
  foldIcsLine,
  googleCalendarUrl,
  outlookCalendarUrl,
  sessionToIcs,
  type Session,
} from '../../src/contract/index.js';

const session: Session = {
  id: 'fo1-glasgow-2026-12-05',
  moduleId: 'field-organising-1',
  start: '2026-12-05T10:00:00+00:00',
  end: '2026-12-05T13:00:00+00:00',
  delivery: 'in-person',
  venue: { name: 'Partick Burgh Hall', address: '9 Burgh Hall Street, Glasgow', postcode: 'G11 5LW' },
  area: 'Glasgow',
  capacity: 20,
  spacesLeft: 4,
  status: 'scheduled',
  waitlist: true,
  trainer: 'Siobhán O’Neill',
  accessibility: 'Step-free access; hearing loop, BSL on request.\nAsk at reception: we\\re happy to help.',
};
const module = {
  title: 'Field Organising (part one); canvassing, data & the Doorstep App – ✊🏽 organise!',
  summary: 'Take a leading role in local grassroots campaigns, decide where to campaign and run canvassing sheets with Contact Creator.',
};
const NOW = new Date('2026-11-26T12:00:00Z');
const encoder = new TextEncoder();

/** Reverses folding (§3.1): a CRLF followed by one space disappears. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '');
const property = (ics: string, name: string) =>
  unfold(ics)
    .split('\r\n')
    .find((line) => line.startsWith(`${name}:`))
    ?.slice(name.length + 1);

describe('sessionToIcs', () => {
  const ics = sessionToIcs(session, module, { now: NOW, url: 'https://example.org/training?session=fo1-glasgow-2026-12-05' });

  it('uses CRLF line endings only, ending with one', () => {
    assert.ok(ics.endsWith('\r\n'));
    assert.doesNotMatch(ics.replace(/\r\n/g, ''), /[\r\n]/);
  });

  it('folds every physical line to at most 75 octets without splitting characters', () => {
    const lines = ics.slice(0, -2).split('\r\n');
    for (const line of lines) {
      const bytes = encoder.encode(line);
      assert.ok(bytes.length <= 75, `${bytes.length} octets: ${line}`);
      assert.equal(new TextDecoder('utf-8', { fatal: true }).decode(bytes), line);
      assert.doesNotMatch(line, /[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u);
    }
    assert.ok(lines.some((l) => l.startsWith(' ')), 'long lines were folded');
  });

  it('has the required calendar and event properties', () => {
    const lines = unfold(ics).split('\r\n');
    assert.equal(lines[0], 'BEGIN:VCALENDAR');
    assert.equal(lines.at(-2), 'END:VCALENDAR');
    for (const expected of ['VERSION:2.0', 'METHOD:PUBLISH', 'BEGIN:VEVENT', 'END:VEVENT', 'STATUS:CONFIRMED']) {
      assert.ok(lines.includes(expected), expected);
    }
    assert.ok(property(ics, 'PRODID'));
    assert.equal(property(ics, 'UID'), 'fo1-glasgow-2026-12-05@mobilise');
    assert.equal(property(ics, 'DTSTAMP'), '20261126T120000Z');
    assert.equal(property(ics, 'DTSTART'), '20261205T100000Z');
    assert.equal(property(ics, 'DTEND'), '20261205T130000Z');
    assert.equal(property(ics, 'URL'), 'https://example.org/training?session=fo1-glasgow-2026-12-05');
    assert.equal(property(ics, 'LOCATION'), 'Partick Burgh Hall\\, 9 Burgh Hall Street\\, Glasgow\\, G11 5LW');
  });

  it('escapes TEXT values: backslash, semicolon, comma and newline', () => {
    assert.equal(escapeIcsText('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
    assert.equal(property(ics, 'SUMMARY'), escapeIcsText(module.title));
    const description = property(ics, 'DESCRIPTION')!;
    assert.match(description, /we\\\\re happy/);
    assert.match(description, /Step-free access\\; hearing loop\\, BSL on request\.\\nAsk/);
    assert.doesNotMatch(description.replace(/\\[\\;,nN]/g, ''), /[;,\\]/, 'no unescaped specials remain');
  });

  it('drops control characters RFC 5545 TEXT forbids, keeping tab and newlines (as \\n)', () => {
    assert.equal(escapeIcsText('a\u0000b\u0007c\u001bd\u007fe\tf\vg\fh\ni\r\nj'), 'abcde\tfgh\\ni\\nj');
    const hostile = sessionToIcs({ ...session, trainer: 'Ann\u0000\u0008\u001f' }, { ...module, title: 'Bell\u0007 ring' }, { now: NOW });
    assert.doesNotMatch(hostile.replace(/\r\n/g, ''), /[\u0000-\u0008\u000a-\u001f\u007f]/, 'no control characters but the CRLF line ends');
    assert.equal(property(hostile, 'SUMMARY'), 'Bell ring');
  });

  it('marks cancelled sessions and says "Online" for online ones', () => {
    const cancelled = sessionToIcs({ ...session, status: 'cancelled', delivery: 'online', venue: undefined }, module, { now: NOW });
    assert.equal(property(cancelled, 'STATUS'), 'CANCELLED');
    assert.equal(property(cancelled, 'LOCATION'), 'Online');
    assert.equal(property(cancelled, 'URL'), undefined);
  });

  it('converts BST times to UTC', () => {
    const summer = sessionToIcs({ ...session, start: '2027-06-05T10:00:00+01:00', end: '2027-06-05T13:00:00+01:00' }, module, { now: NOW });
    assert.equal(property(summer, 'DTSTART'), '20270605T090000Z');
  });
});

describe('foldIcsLine', () => {
  it('leaves short lines alone and folds multi-byte text on character boundaries', () => {
    assert.equal(foldIcsLine('SUMMARY:short'), 'SUMMARY:short');
    const folded = foldIcsLine(`SUMMARY:${'é'.repeat(100)}`);
    for (const line of folded.split('\r\n')) assert.ok(encoder.encode(line).length <= 75);
    assert.equal(folded.replace(/\r\n /g, ''), `SUMMARY:${'é'.repeat(100)}`);
  });

  it('never splits an escape sequence', () => {
    const line = `DESCRIPTION:${'x'.repeat(62)}\\n${'y'.repeat(20)}`;
    for (const part of foldIcsLine(line).split('\r\n')) assert.doesNotMatch(part, /\\$/);
  });
});

describe('calendar links', () => {
  it('builds a Google Calendar template link', () => {
    const url = new URL(googleCalendarUrl(session, module));
    assert.equal(url.origin, 'https://calendar.google.com');
    assert.equal(url.searchParams.get('action'), 'TEMPLATE');
    assert.equal(url.searchParams.get('text'), module.title);
    assert.equal(url.searchParams.get('dates'), '20261205T100000Z/20261205T130000Z');
    assert.equal(url.searchParams.get('location'), 'Partick Burgh Hall, 9 Burgh Hall Street, Glasgow, G11 5LW');
  });

  it('builds an Outlook compose link', () => {
    const url = new URL(outlookCalendarUrl(session, module));
    assert.equal(url.hostname, 'outlook.live.com');
    assert.equal(url.searchParams.get('rru'), 'addevent');
    assert.equal(url.searchParams.get('subject'), module.title);
    assert.equal(url.searchParams.get('startdt'), '2026-12-05T10:00:00Z');
    assert.equal(url.searchParams.get('enddt'), '2026-12-05T13:00:00Z');
  });
});
