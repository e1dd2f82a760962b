import type { MonitoringScope, VoiceFrequency } from '../../../../electron/common/models/voice';
import { ChevronIcon, SlidersIcon } from '../../components/icons';
import { useAppStore } from '../../store/store-context';
import { frequencyLabels, scopeLabels } from '../voice/voice-model';

const scopes: ReadonlyArray<MonitoringScope> = ['Call', 'Agent'];
const frequencies: ReadonlyArray<VoiceFrequency> = ['AllCalls', 'NextCall'];

const POPOVER_ID = 'monitor-options-popover';

/**
 * One setting for every row's Listen in / Coach / Barge in: supervisors pick it once a session,
 * and the buttons' tooltips repeat what it is.
 */
export function MonitorOptions() {
  const scope = useAppStore((state) => state.ui.monitorOptions.scope);
  const frequency = useAppStore((state) => state.ui.monitorOptions.frequency);
  const setMonitorOptions = useAppStore((state) => state.uiActions.setMonitorOptions);
  return (
    <>
      <button
        type="button"
        className="button button--small monitor-options__trigger"
        popoverTarget={POPOVER_ID}
        data-testid="monitor-options-button"
        title="Scope and frequency for the next Listen in, Coach or Barge in"
      >
        <SlidersIcon width={14} height={14} />
        <span className="visually-hidden">Monitoring options:</span>
        <span>
          {scopeLabels[scope].label} · {frequencyLabels[frequency].label}
        </span>
        <ChevronIcon className="monitor-options__chevron" width={12} height={12} />
      </button>
      <div
        id={POPOVER_ID}
        popover="auto"
        className="popover monitor-options"
        role="dialog"
        aria-label="Monitoring options"
      >
        <fieldset className="option-group">
          <legend className="option-group__legend">Scope</legend>
          {scopes.map((option) => (
            <label key={option} className="option">
              <input
                type="radio"
                name="monitor-scope"
                value={option}
                checked={scope === option}
                onChange={() => setMonitorOptions({ scope: option })}
              />
              <span className="option__text">
                <span className="option__label">{scopeLabels[option].label}</span>
                <span className="option__hint">{scopeLabels[option].hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="option-group">
          <legend className="option-group__legend">Calls</legend>
          {frequencies.map((option) => (
            <label key={option} className="option">
              <input
                type="radio"
                name="monitor-frequency"
                value={option}
                checked={frequency === option}
                onChange={() => setMonitorOptions({ frequency: option })}
              />
              <span className="option__text">
                <span className="option__label">{frequencyLabels[option].label}</span>
                <span className="option__hint">{frequencyLabels[option].hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <p className="popover__note">Applies to the next monitoring you start.</p>
      </div>
    </>
  );
}
