// "Turn off …?" — asked before a scenario is switched off.
import { useTranslation } from 'react-i18next';
import { useEngine, useServices, useUi } from '../app-context';
import { Dialog } from '../components/Dialog';
import { useScenarioActions } from '../scenario-actions';

export function ConfirmOffDialog() {
  const { t } = useTranslation();
  const { ui } = useServices();
  const key = useUi((s) => s.confirmOff);
  const scenario = useEngine((m) => (key ? m.engine.scenarios[key] : undefined));
  const actions = useScenarioActions();
  if (!key || !scenario) return null;
  const close = () => ui.getState().askOff(null);
  return (
    <Dialog title={t('confirmOff.title', { name: scenario.name })} onClose={close} role="alertdialog" testId="confirm-off" describedBy="confirm-off-body">
      <p id="confirm-off-body">{t('confirmOff.body')}</p>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={close} data-autofocus data-testid="confirm-off-cancel">
          {t('app.cancel')}
        </button>
        <button type="button" className="btn danger" onClick={() => actions.confirmOff(key)} data-testid="confirm-off-confirm">
          {t('confirmOff.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
