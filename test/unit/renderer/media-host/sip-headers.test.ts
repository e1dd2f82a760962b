import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAnswerAfter, parseGenesysCallUuid, splitHeaderValues } from '../../../../renderer/media-host/sip-headers';

describe('X-Genesys-CallUUID', () => {
  test('is taken as it is, trimmed', () => {
    assert.equal(parseGenesysCallUuid(' 01AB23CD-4567 '), '01AB23CD-4567');
  });

  test('blank, missing or absurdly long values count as absent', () => {
    assert.equal(parseGenesysCallUuid(undefined), null);
    assert.equal(parseGenesysCallUuid(null), null);
    assert.equal(parseGenesysCallUuid('   '), null);
    assert.equal(parseGenesysCallUuid('x'.repeat(129)), null);
  });
});

describe('Call-Info answer-after', () => {
  test('reads the seconds from the parameter after the URI', () => {
    assert.equal(parseAnswerAfter(['<sip:demo.earshot.local>;answer-after=0']), 0);
    assert.equal(parseAnswerAfter(['<sip:sip.example.com>; answer-after = 3']), 3);
    assert.equal(parseAnswerAfter(['<sip:x>;purpose=info;Answer-After="2"']), 2);
  });

  test('finds it in any value of a list, and in any header line', () => {
    assert.equal(parseAnswerAfter(['<http://x/a,b>;purpose=icon, <sip:y>;answer-after=5']), 5);
    assert.equal(parseAnswerAfter(['<http://x/>;purpose=icon', '<sip:y>;answer-after=1']), 1);
  });

  test('a bare value without angle brackets still has parameters', () => {
    assert.equal(parseAnswerAfter(['sip:y;answer-after=4']), 4);
  });

  test('is null when absent or not a whole number', () => {
    assert.equal(parseAnswerAfter([]), null);
    assert.equal(parseAnswerAfter(['<sip:y>;purpose=info']), null);
    assert.equal(parseAnswerAfter(['<sip:y>;answer-after=soon']), null);
    assert.equal(parseAnswerAfter(['<sip:y>;answer-after=-1']), null);
    assert.equal(parseAnswerAfter(['<sip:y>;answer-after']), null);
  });

  test('a parameter inside the URI is not the header parameter', () => {
    assert.equal(parseAnswerAfter(['<sip:y;answer-after=0>;purpose=info']), null);
  });
});

describe('header value lists', () => {
  test('split on commas outside angle brackets and quotes', () => {
    assert.deepEqual(splitHeaderValues('"Doe, J" <sip:a@b>;x=1, <sip:c,d>'), ['"Doe, J" <sip:a@b>;x=1', '<sip:c,d>']);
    assert.deepEqual(splitHeaderValues('"say \\"hi, there\\"" <sip:a>'), ['"say \\"hi, there\\"" <sip:a>']);
    assert.deepEqual(splitHeaderValues(''), []);
  });
});
