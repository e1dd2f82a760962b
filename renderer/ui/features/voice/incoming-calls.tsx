import type { IncomingCall } from '../../../../electron/common/models/voice';
import { PhoneIcon } from '../../components/icons';
import { commandKeys, failureOf, isSending } from '../../store/command-status';
import { useAppStore, useCommands } from '../../store/store-context';
import { callerNumber } from './voice-model';
import './voice.css';

const noCalls: ReadonlyArray<IncomingCall> = [];

function IncomingBanner({ call }: { call: IncomingCall }) {
  const commands = useCommands();
  const sending = useAppStore((state) => isSending(state.ui.commandStatuses, commandKeys.incoming(call.id)));
  const failure = useAppStore((state) => failureOf(state.ui.commandStatuses, commandKeys.incoming(call.id)));
  const number = callerNumber(call.from);
  const caller = call.displayName?.trim() ? call.displayName.trim() : number;
  return (
    <div className="incoming" role="alert" data-testid={`incoming-call-${call.id}`}>
      <PhoneIcon className="incoming__icon" width={16} height={16} />
      <div className="incoming__text">
        <span className="incoming__title">
          Incoming call from <strong>{caller}</strong>
          {caller !== number && (
            <span className="incoming__number" title={call.from}>
              {' '}
              {number}
            </span>
          )}
        </span>
        <span className="incoming__hint">Not a monitoring call you started.</span>
        {failure !== null && <span className="incoming__problem">{failure.message}</span>}
      </div>
      <div className="incoming__actions">
        <button
          type="button"
          className="button button--small button--primary"
          data-testid={`incoming-answer-${call.id}`}
          aria-label={`Answer the call from ${caller}`}
          disabled={sending}
          onClick={() => void commands.answerIncoming(call.id)}
        >
          Answer
        </button>
        <button
          type="button"
          className="button button--small"
          data-testid={`incoming-decline-${call.id}`}
          aria-label={`Decline the call from ${caller}`}
          disabled={sending}
          onClick={() => void commands.declineIncoming(call.id)}
        >
          Decline
        </button>
      </div>
    </div>
  );
}

/** Calls that are not monitoring this supervisor started ring here; they are never auto-answered. */
export function IncomingCalls() {
  const incoming = useAppStore((state) => state.mirror.app?.voice.incoming ?? noCalls);
  if (incoming.length === 0) return null;
  return (
    <div className="incoming-list" aria-label="Incoming calls">
      {incoming.map((call) => (
        <IncomingBanner key={call.id} call={call} />
      ))}
    </div>
  );
}
