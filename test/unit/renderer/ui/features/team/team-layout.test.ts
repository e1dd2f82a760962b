import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  foldsRowActions,
  teamLayoutFor,
  teamLayoutWidths,
} from '../../../../../../renderer/ui/features/team/team-layout';

describe('the team table’s layout by its width', () => {
  test('each layout from the width it needs; lower-value columns go first, then the actions fold', () => {
    // The table inside a 1920, 1440, 1280 and 1024 px window (16 px margins, 1 px borders).
    assert.equal(teamLayoutFor(1886), 'full');
    assert.equal(teamLayoutFor(1406), 'full');
    assert.equal(teamLayoutFor(1246), 'no-group');
    assert.equal(teamLayoutFor(990), 'menu');
    assert.equal(teamLayoutFor(900), 'narrow');
    assert.equal(teamLayoutFor(0), 'narrow');
    for (const [layout, width] of Object.entries(teamLayoutWidths)) {
      assert.equal(teamLayoutFor(width), layout, `${layout} from ${width} px`);
    }
  });

  test('only the narrow layouts fold a row’s actions into one menu', () => {
    assert.deepEqual((['full', 'no-group', 'menu', 'narrow'] as const).map(foldsRowActions), [
      false,
      false,
      true,
      true,
    ]);
  });
});
