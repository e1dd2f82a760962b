import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  badRequestFor,
  createResponse,
  headerValue,
  parseSipMessage,
  serializeSipMessage,
  SipParseError,
} from '../../../electron/simulator/sip/sip-message';
import type { SipRequest } from '../../../electron/simulator/sip/sip-message';
import {
  formatNameAddress,
  parseNameAddress,
  parseSipUri,
  splitHeaderList,
} from '../../../electron/simulator/sip/sip-address';

const REGISTER = [
  'REGISTER sip:demo.earshot.local SIP/2.0',
  'Via: SIP/2.0/WSS 4k1vrv3ia0kd.invalid;branch=z9hG4bK1234567',
  'Max-Forwards: 69',
  'To: <sip:5005@demo.earshot.local>',
  'From: "Sam Supervisor" <sip:5005@demo.earshot.local>;tag=abc123',
  'Call-ID: q4o8m2k1',
  'CSeq: 1 REGISTER',
  'Contact: <sip:x7rt@4k1vrv3ia0kd.invalid;transport=ws>;+sip.ice;reg-id=1;+sip.instance="<urn:uuid:8f0e2d1c-1111-4222-8333-944455556666>";expires=600',
  'Expires: 600',
  'Content-Length: 0',
  '',
  '',
].join('\r\n');

const INVITE_WITH_BODY = [
  'INVITE sip:x7rt@4k1vrv3ia0kd.invalid;transport=ws SIP/2.0',
  'v: SIP/2.0/WS 127.0.0.1:5060;branch=z9hG4bKabc',
  'f: <sip:5001@demo.earshot.local>;tag=1',
  't: <sip:5005@demo.earshot.local>',
  'i: call-1',
  'CSeq: 7 INVITE',
  'c: application/sdp',
  'l: 15',
  '',
  'v=0\r\no=- 1 1 IN',
].join('\r\n');

describe('SIP message parsing and serialising', () => {
  test('parses a JsSIP-style REGISTER', () => {
    const message = parseSipMessage(REGISTER);
    assert.equal(message.kind, 'request');
    assert.equal((message as SipRequest).method, 'REGISTER');
    assert.equal((message as SipRequest).uri, 'sip:demo.earshot.local');
    assert.equal(headerValue(message, 'Call-ID'), 'q4o8m2k1');
    assert.equal(headerValue(message, 'Expires'), '600');
  });

  test('round-trips a request and a response unchanged', () => {
    for (const text of [REGISTER, INVITE_WITH_BODY.replace(/^v:/m, 'Via:')]) {
      const once = serializeSipMessage(parseSipMessage(text));
      assert.deepEqual(parseSipMessage(once), parseSipMessage(text));
      assert.equal(serializeSipMessage(parseSipMessage(once)), once);
    }
    const response =
      'SIP/2.0 180 Ringing\r\nVia: SIP/2.0/WS h;branch=z9hG4bKx\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@b>;tag=2\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n';
    assert.equal(serializeSipMessage(parseSipMessage(response)), response);
  });

  test('expands compact header names and counts the body in bytes', () => {
    const message = parseSipMessage(INVITE_WITH_BODY);
    assert.deepEqual(
      message.headers.map((header) => header.name),
      ['Via', 'From', 'To', 'Call-ID', 'CSeq', 'Content-Type', 'Content-Length'],
    );
    assert.equal(message.body, 'v=0\r\no=- 1 1 IN');
    const withUtf8 = serializeSipMessage({ ...message, body: 'é' });
    assert.match(withUtf8, /Content-Length: 2\r\n/);
  });

  test('joins folded header lines', () => {
    const folded = REGISTER.replace('Expires: 600', 'Subject: first\r\n  second');
    assert.equal(headerValue(parseSipMessage(folded), 'Subject'), 'first second');
  });

  test('rejects malformed messages with a reason', () => {
    const cases: Array<[string, RegExp]> = [
      [REGISTER.replace('\r\n\r\n', '\r\n'), /blank line/],
      [REGISTER.replace('CSeq: 1 REGISTER\r\n', ''), /missing CSeq/],
      [REGISTER.replace('CSeq: 1 REGISTER', 'CSeq: one REGISTER'), /malformed CSeq/],
      [REGISTER.replace('CSeq: 1 REGISTER', 'CSeq: 1 INVITE'), /does not match/],
      [REGISTER.replace('Content-Length: 0', 'Content-Length: 9'), /Content-Length 9/],
      [REGISTER.replace('REGISTER sip:demo.earshot.local SIP/2.0', 'REGISTER sip:demo SIP/3.0'), /start line/],
      [REGISTER.replace('Max-Forwards: 69', 'Max Forwards 69'), /header line/],
    ];
    for (const [text, reason] of cases) {
      assert.throws(
        () => parseSipMessage(text),
        (error: unknown) => error instanceof SipParseError && reason.test(error.message),
      );
    }
  });

  test('a response copies Via, From, To, Call-ID and CSeq and adds the To tag', () => {
    const request = parseSipMessage(REGISTER) as SipRequest;
    const response = createResponse(request, 200, 'OK', {
      toTag: 'srv1',
      headers: [{ name: 'Expires', value: '600' }],
    });
    assert.deepEqual(
      response.headers.map((header) => header.name),
      ['Via', 'To', 'From', 'Call-ID', 'CSeq', 'Expires'],
    );
    assert.equal(headerValue(response, 'To'), '<sip:5005@demo.earshot.local>;tag=srv1');
    assert.equal(
      headerValue(createResponse(request, 100, 'Trying', { toTag: 'srv1' }), 'To'),
      '<sip:5005@demo.earshot.local>',
    );
  });

  test('a request too broken to parse still gets a 400 when it can be addressed', () => {
    const broken = REGISTER.replace('Content-Length: 0', 'Content-Length: 9');
    const error = new SipParseError('Content-Length 9 but the body has 0 bytes');
    const response = badRequestFor(broken, error);
    assert.equal(response?.status, 400);
    assert.match(response?.reason ?? '', /Content-Length 9/);
    assert.equal(badRequestFor('garbage', error), undefined);
  });
});

describe('SIP addresses', () => {
  test('parses name-addr with a quoted display name and header parameters', () => {
    const address = parseNameAddress(
      '"Sam \\"S\\" Supervisor" <sip:5005@demo.earshot.local;transport=ws>;tag=abc;+sip.ice',
    );
    assert.equal(address.displayName, 'Sam "S" Supervisor');
    assert.equal(address.uri, 'sip:5005@demo.earshot.local;transport=ws');
    assert.equal(address.params.get('tag'), 'abc');
    assert.equal(address.params.get('+sip.ice'), '');
  });

  test('parses addr-spec, where parameters belong to the header', () => {
    const address = parseNameAddress('sip:5005@demo.earshot.local;expires=0');
    assert.equal(address.uri, 'sip:5005@demo.earshot.local');
    assert.equal(address.params.get('expires'), '0');
  });

  test('round-trips a JsSIP Contact with a quoted instance id', () => {
    const contact =
      '<sip:x7rt@4k1vrv3ia0kd.invalid;transport=ws>;+sip.ice;reg-id=1;+sip.instance="<urn:uuid:8f0e2d1c>";expires=600';
    const parsed = parseNameAddress(contact);
    assert.equal(parsed.params.get('+sip.instance'), '<urn:uuid:8f0e2d1c>');
    assert.equal(formatNameAddress(parsed), contact);
  });

  test('splits comma-separated values but not inside quotes or brackets', () => {
    assert.deepEqual(splitHeaderList('"a, b" <sip:a@b>, <sip:c@d;x=1,2>'), ['"a, b" <sip:a@b>', '<sip:c@d;x=1,2>']);
  });

  test('parses SIP URIs', () => {
    assert.deepEqual(parseSipUri('sip:5005@Demo.Earshot.Local:5060;transport=ws'), {
      scheme: 'sip',
      user: '5005',
      host: 'demo.earshot.local',
      port: 5060,
      params: new Map([['transport', 'ws']]),
    });
    assert.equal(parseSipUri('sips:demo.earshot.local').user, undefined);
    assert.throws(() => parseSipUri('http://example.invalid/'), SipParseError);
    assert.throws(() => parseNameAddress('<sip:unterminated'), SipParseError);
  });
});
