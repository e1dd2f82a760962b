import type { MonitoringScope, VoiceFrequency } from '../../../../electron/common/models/voice';
import { ChevronIcon, SlidersIcon } from '../../components/icons';
import { OptionList } from '../../components/option-list';
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
        <OptionList
          legend="Scope"
          name="monitor-scope"
          options={scopes}
          labels={scopeLabels}
          value={scope}
          onChange={(option) => setMonitorOptions({ scope: option })}
        />
        <OptionList
          legend="Calls"
          name="monitor-frequency"
          options={frequencies}
          labels={frequencyLabels}
          value={frequency}
          onChange={(option) => setMonitorOptions({ frequency: option })}
        />
        <p className="popover__note">Applies to the next monitoring you start.</p>
        <p className="popover__note" data-testid="monitor-timing-note">
          Listen in and Coach start with the agent’s next call. Barge in joins a call in progress now, where your
          contact center allows it; otherwise the next call.
        </p>
      </div>
    </>
  );
}
