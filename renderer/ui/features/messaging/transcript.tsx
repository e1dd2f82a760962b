import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TranscriptLine } from '../../../../electron/common/models/messaging';
import { ArrowDownIcon } from '../../components/icons';
import { useAppStore } from '../../store/store-context';
import { findConversation } from '../../store/conversation-selectors';
import {
  isNearBottom,
  isSystemLine,
  lastIndex,
  lineSide,
  lineVisibilityTag,
  lineVisibilityTitles,
  newMessagesLabel,
  roleLabels,
  systemLineText,
  unseenCount,
} from './messaging-model';

const noLines: ReadonlyArray<TranscriptLine> = [];

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function LineTime({ at }: { at: number | null }) {
  if (at === null) return null;
  const date = new Date(at);
  return (
    <time className="line__time" dateTime={date.toISOString()}>
      {timeOfDay.format(date)}
    </time>
  );
}

function VisibilityTag({ line }: { line: TranscriptLine }) {
  const tag = lineVisibilityTag(line.visibility);
  if (tag === null) return null;
  return (
    <span className={`line__tag line__tag--${line.visibility}`} title={lineVisibilityTitles[line.visibility]}>
      {tag}
    </span>
  );
}

/**
 * Lines never change once written, and appending keeps the earlier line objects, so each line
 * renders once: a new message adds one element instead of redrawing the transcript.
 */
const TranscriptLineView = memo(function TranscriptLineView({ line }: { line: TranscriptLine }) {
  const attributes = {
    'data-testid': 'transcript-line',
    'data-index': line.index,
    'data-type': line.type,
    'data-visibility': line.visibility,
  };
  if (isSystemLine(line)) {
    return (
      <li className={`line line--system line--${line.visibility}`} {...attributes}>
        <span className="line__system-text">{systemLineText(line)}</span>
        <VisibilityTag line={line} />
        <LineTime at={line.at} />
      </li>
    );
  }
  const side = lineSide(line);
  const from = line.from;
  return (
    <li className={`line line--${side} line--${line.visibility}`} {...attributes}>
      <div className="line__meta">
        <span className="line__who">{from === null ? 'Unknown' : from.isMe ? 'You' : from.nickname}</span>
        {from !== null && !from.isMe && <span className="line__role">{roleLabels[from.role]}</span>}
        <VisibilityTag line={line} />
        <LineTime at={line.at} />
      </div>
      <p className="line__text">{line.text ?? ''}</p>
    </li>
  );
});

/**
 * Follows the newest line while the supervisor is at the end; once they scroll up it stays where
 * they are and counts what arrived below.
 */
export function Transcript({ conversationId, label }: { conversationId: string; label: string }) {
  const lines = useAppStore((state) => findConversation(state, conversationId)?.lines ?? noLines);
  const scroller = useRef<HTMLOListElement>(null);
  const [following, setFollowing] = useState(true);
  const [lastSeenIndex, setLastSeenIndex] = useState(0);
  // A card scrolled out of sight skips rendering (content-visibility); reading its size would lay it
  // out for nothing, so it is followed again when it comes back into view. The card says when.
  const skipped = useRef(false);
  const followingNow = useRef(following);

  useLayoutEffect(() => {
    followingNow.current = following;
    const element = scroller.current;
    if (!following || element === null || skipped.current) return;
    element.scrollTop = element.scrollHeight;
  }, [lines, following]);

  useEffect(() => {
    const element = scroller.current;
    const card = element?.closest('.conversation-card');
    if (element == null || card == null) return;
    const onStateChange = (event: Event) => {
      skipped.current = (event as ContentVisibilityAutoStateChangeEvent).skipped;
      if (!skipped.current && followingNow.current) element.scrollTop = element.scrollHeight;
    };
    card.addEventListener('contentvisibilityautostatechange', onStateChange);
    return () => card.removeEventListener('contentvisibilityautostatechange', onStateChange);
  }, []);

  const onScroll = () => {
    const element = scroller.current;
    if (element === null) return;
    const atEnd = isNearBottom(element);
    if (atEnd === following) return;
    setFollowing(atEnd);
    if (!atEnd) setLastSeenIndex(lastIndex(lines));
  };

  const jumpToEnd = () => {
    const element = scroller.current;
    if (element !== null) element.scrollTop = element.scrollHeight;
    setFollowing(true);
  };

  const unseen = following ? 0 : unseenCount(lines, lastSeenIndex);

  return (
    <div className="transcript">
      <ol
        ref={scroller}
        className="transcript__lines"
        data-testid={`transcript-${conversationId}`}
        aria-label={label}
        tabIndex={0}
        onScroll={onScroll}
      >
        {lines.map((line) => (
          <TranscriptLineView key={line.index} line={line} />
        ))}
        {lines.length === 0 && <li className="transcript__empty">No messages yet.</li>}
      </ol>
      {unseen > 0 && (
        <button type="button" className="transcript__unseen" data-testid="new-messages" onClick={jumpToEnd}>
          {newMessagesLabel(unseen)}
          <ArrowDownIcon width={12} height={12} />
        </button>
      )}
    </div>
  );
}
