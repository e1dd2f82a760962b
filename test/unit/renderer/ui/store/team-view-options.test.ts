import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nextSortOrder } from '../../../../../renderer/ui/store/team-view-options';

describe('nextSortOrder', () => {
  test('a new column starts ascending; the same column flips', () => {
    assert.deepEqual(nextSortOrder({ column: 'name', direction: 'ascending' }, 'state'), {
      column: 'state',
      direction: 'ascending',
    });
    assert.deepEqual(nextSortOrder({ column: 'name', direction: 'ascending' }, 'name'), {
      column: 'name',
      direction: 'descending',
    });
    assert.deepEqual(nextSortOrder({ column: 'name', direction: 'descending' }, 'name'), {
      column: 'name',
      direction: 'ascending',
    });
  });
});
