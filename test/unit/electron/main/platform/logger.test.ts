import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMemoryLogger } from '../../../../../electron/main/platform/logger';

test('secrets never reach a log record, nested or not', () => {
  const logger = createMemoryLogger();
  logger.child('session').info('signed in', {
    userName: 'sam',
    password: 'hunter2',
    headers: { Authorization: 'Basic x', Cookie: 'JSESSIONID=1' },
  });
  const record = logger.records[0];
  assert.equal(record?.scope, 'earshot:session');
  assert.deepEqual(record?.fields, {
    userName: 'sam',
    password: '[redacted]',
    headers: { Authorization: '[redacted]', Cookie: '[redacted]' },
  });
});

test('secrets inside arrays and credentials in URLs are redacted too', () => {
  const logger = createMemoryLogger();
  logger.warn('request failed', {
    list: [{ password: 'x' }, 'https://sam:hunter2@gws.example.com/api'],
    url: 'http://a:b@host',
  });
  assert.deepEqual(logger.records[0]?.fields, {
    list: [{ password: '[redacted]' }, 'https://[redacted]@gws.example.com/api'],
    url: 'http://[redacted]@host',
  });
});
