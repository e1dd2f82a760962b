import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Conversation } from '../../../../../electron/common/models/messaging';
import type { AppStoreState } from '../../../../../renderer/ui/store/app-store';
import { createCardFieldsSelector } from '../../../../../renderer/ui/store/conversation-selectors';
import { makeAppState, makeConversation, makeLine, makeMessagingState } from '../fixtures';

function storeWith(conversations: Conversation[], history: Conversation[] = []): AppStoreState {
  const app = makeAppState({ messaging: makeMessagingState({ conversations, history }) });
  return { mirror: { app, seq: 1, loadError: null } } as unknown as AppStoreState;
}

describe('createCardFieldsSelector', () => {
  test('a new line, a typing notice or the last message time keep the card’s answer', () => {
    const select = createCardFieldsSelector('c1');
    const first = makeConversation({ id: 'c1', lines: [makeLine(1)] });
    const card = select(storeWith([first]));
    assert.equal(card, first);
    const withLine = { ...first, lines: [...first.lines, makeLine(2)], lastMessageAt: 2_000 };
    assert.equal(select(storeWith([withLine])), card);
    assert.equal(select(storeWith([{ ...withLine, typing: ['Ava'] }])), card);
  });

  test('any field the card shows gives the new conversation', () => {
    const select = createCardFieldsSelector('c1');
    const first = makeConversation({ id: 'c1' });
    select(storeWith([first]));
    const coached = { ...first, mode: 'Coach' as const, lines: [makeLine(1)] };
    assert.equal(select(storeWith([coached])), coached);
    const ended = { ...coached, ended: true };
    assert.equal(select(storeWith([], [ended])), ended);
    assert.equal(select(storeWith([])), null);
    assert.equal(select(storeWith([first])), first);
  });
});
