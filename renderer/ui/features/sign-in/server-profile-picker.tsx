import { useId, useState } from 'react';
import type { ServerProfile } from '../../../../electron/common/models/settings';

/**
 * The saved servers to sign in to. Renaming opens the name field; deleting asks first, since it
 * forgets the remembered password too.
 */
export function ServerProfilePicker({
  profiles,
  selectedId,
  renaming,
  busy,
  onSelect,
  onRename,
  onDelete,
}: {
  profiles: ReadonlyArray<ServerProfile>;
  selectedId: string | null;
  renaming: boolean;
  busy: boolean;
  onSelect: (profileId: string | null) => void;
  onRename: () => void;
  onDelete: (profile: ServerProfile) => void;
}) {
  const id = useId();
  const [confirming, setConfirming] = useState<string | null>(null);
  const selected = profiles.find((profile) => profile.id === selectedId) ?? null;
  const asking = selected !== null && confirming === selected.id;
  return (
    <div className="profile-picker">
      <label className="field__label" htmlFor={id}>
        Saved server
      </label>
      <div className="profile-picker__row">
        <select
          id={id}
          className="field__input profile-picker__select"
          data-testid="server-profile-select"
          value={selectedId ?? ''}
          onChange={(event) => {
            setConfirming(null);
            onSelect(event.target.value === '' ? null : event.target.value);
          }}
        >
          {profiles.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.name}
            </option>
          ))}
          <option value="">Another server…</option>
        </select>
        {selected !== null && (
          <button
            type="button"
            className="button profile-picker__button"
            data-testid="server-profile-rename"
            aria-pressed={renaming}
            disabled={busy}
            onClick={() => {
              setConfirming(null);
              onRename();
            }}
          >
            Rename
          </button>
        )}
        {selected !== null && (
          <button
            type="button"
            className="button profile-picker__button"
            data-testid="server-profile-delete"
            aria-expanded={asking}
            disabled={busy}
            onClick={() => setConfirming(asking ? null : selected.id)}
          >
            Delete
          </button>
        )}
      </div>
      {asking && (
        <div
          className="notice notice--info profile-picker__confirm"
          role="group"
          aria-label="Delete the server profile"
        >
          <p className="notice__text">Delete “{selected.name}”? Its remembered password is forgotten too.</p>
          <div className="notice__actions">
            <button
              type="button"
              className="button button--small button--danger"
              data-testid="server-profile-delete-confirm"
              disabled={busy}
              onClick={() => {
                setConfirming(null);
                onDelete(selected);
              }}
            >
              Delete
            </button>
            <button type="button" className="button button--small" onClick={() => setConfirming(null)}>
              Keep
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
