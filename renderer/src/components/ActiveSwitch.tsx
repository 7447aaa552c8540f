// The on/off switch of a scenario. Off asks first (ConfirmOffDialog); the state shown is Make's.
import { useTranslation } from 'react-i18next';
import type { ScenarioState } from '../../../shared/domain';
import { useUi } from '../app-context';
import { useScenarioActions } from '../scenario-actions';
import { errorPlace } from '../store/ui-store';

export function ActiveSwitch({ scenario, tabIndex }: { scenario: ScenarioState; tabIndex?: number }) {
  const { t } = useTranslation();
  const actions = useScenarioActions();
  const busy = useUi((s) => errorPlace(scenario.key, 'toggle') in s.busy);
  return (
    <button
      type="button"
      role="switch"
      className="switch"
      aria-checked={scenario.isActive}
      aria-busy={busy || undefined}
      aria-label={t('actions.toggleNamed', { name: scenario.name })}
      disabled={busy}
      tabIndex={tabIndex}
      data-testid="scenario-toggle"
      onClick={() => actions.setActive(scenario.key, !scenario.isActive)}
    >
      <span className="switch-knob" aria-hidden="true" />
    </button>
  );
}
