import { useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { hotkeyLabels } from '../../../../electron/common/models/hotkey-labels';
import type { HotkeyAction } from '../../../../electron/common/models/settings';
import { assertNever } from '../../../../electron/common/result';
import type { Result } from '../../../../electron/common/result';
import { CloseIcon } from '../../components/icons';
import { formatAccelerator, hotkeyHints, recordAccelerator } from './accelerator';

/** A combination main refused, shown as pressed with main's reason until the next one. */
interface Refusal {
  readonly text: string;
  readonly message: string;
}

/**
 * One global hotkey: focus the field and press the combination. Backspace or the clear button turns
 * it off; Tab moves on and Escape closes the panel, so neither can be recorded alone.
 */
export function HotkeyField({
  action,
  value,
  problem,
  mac,
  saving,
  onSave,
}: {
  action: HotkeyAction;
  value: string | null;
  /** What main says is wrong with the saved one (refused by the system, a clash). */
  problem: string | null;
  mac: boolean;
  saving: boolean;
  onSave: (text: string | null) => Promise<Result<unknown>>;
}) {
  const id = useId();
  const [held, setHeld] = useState<string | null>(null);
  const [advice, setAdvice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const label = hotkeyLabels[action];
  const hint = hotkeyHints[action];

  const save = async (text: string | null) => {
    setRefusal(null);
    const result = await onSave(text);
    if (!result.ok) setRefusal({ text: text ?? '', message: result.error.message });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const recording = recordAccelerator(event, mac);
    if (recording.kind === 'pass') return;
    event.preventDefault();
    // Recorded here, so the window's own shortcuts (L, B, /) never see these keys.
    event.stopPropagation();
    if (event.repeat) return;
    switch (recording.kind) {
      case 'modifiers':
        setHeld(recording.text);
        setAdvice(null);
        return;
      case 'needs-modifier':
        setHeld(null);
        setAdvice(
          `${formatAccelerator(recording.text, mac)} alone would fire while you type anywhere. Hold ${mac ? 'Cmd, Option or Control' : 'Ctrl or Alt'} with it.`,
        );
        return;
      case 'clear':
        setHeld(null);
        setAdvice(null);
        void save(null);
        return;
      case 'accelerator':
        setHeld(null);
        setAdvice(null);
        if (recording.text !== value) void save(recording.text);
        return;
      default:
        assertNever(recording);
    }
  };

  const shown =
    held !== null ? `${formatAccelerator(held, mac)}+…` : formatAccelerator(refusal?.text ?? value ?? '', mac);
  const message = advice ?? refusal?.message ?? problem;
  const messageId = `${id}-message`;
  const hintId = `${id}-hint`;
  return (
    <div className={`hotkey${message !== null && advice === null ? ' hotkey--problem' : ''}`}>
      <label className="hotkey__label" htmlFor={id}>
        <span className="hotkey__name">{label}</span>
        <span id={hintId} className="hotkey__hint">
          {hint}
        </span>
        <span className="hotkey__listening" aria-hidden="true">
          Press the new keys; Backspace turns it off
        </span>
      </label>
      <div className="hotkey__control">
        <input
          id={id}
          type="text"
          readOnly
          className="hotkey__input"
          data-testid={`hotkey-input-${action}`}
          data-focus-key={`hotkey-${action}`}
          data-value={value ?? ''}
          value={shown}
          placeholder="Off"
          aria-describedby={message !== null ? `${hintId} ${messageId}` : hintId}
          aria-invalid={refusal !== null || problem !== null ? true : undefined}
          aria-busy={saving}
          title="Press the new combination. Backspace turns the hotkey off."
          onKeyDown={onKeyDown}
          onKeyUp={(event) => {
            if (!event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey) setHeld(null);
          }}
          onBlur={() => {
            setHeld(null);
            setAdvice(null);
          }}
          spellCheck={false}
          autoComplete="off"
        />
        <button
          type="button"
          className="icon-button hotkey__clear"
          aria-label={`Turn off the ${label} hotkey`}
          title="Turn off"
          data-focus-key={`hotkey-${action}`}
          disabled={value === null || saving}
          onClick={() => void save(null)}
        >
          <CloseIcon width={12} height={12} />
        </button>
      </div>
      {message !== null && (
        <p id={messageId} className={advice !== null ? 'hotkey__advice' : 'hotkey__problem'} role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
