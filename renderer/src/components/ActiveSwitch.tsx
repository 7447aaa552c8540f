// The on/off switch of a scenario. Off asks first (ConfirmOffDialog); the state shown is Make's.
import { useTranslation } from 'react-i18next';
import type { ScenarioState } from '../../../shared/domain';
import { useUi } from '../app-context';
import { useScenarioActions } from '../scenario-actions';
import { errorPlace } from '../store/ui-store';
import { Switch } from './Switch';

export function ActiveSwitch({ scenario, tabIndex }: { scenario: ScenarioState; tabIndex?: number }) {
  const { t } = useTranslation();
  const actions = useScenarioActions();
  const busy = useUi((s) => errorPlace(scenario.key, 'toggle') in s.busy);
  return (
    <Switch
      checked={scenario.isActive}
      busy={busy}
      label={t('actions.toggleNamed', { name: scenario.name })}
      tabIndex={tabIndex}
      testId="scenario-toggle"
      onToggle={() => actions.setActive(scenario.key, !scenario.isActive)}
    />
  );
}
