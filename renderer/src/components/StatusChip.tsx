import { useTranslation } from 'react-i18next';
import type { ScenarioHealth } from '../../../shared/domain';

export function StatusChip({ health, running }: { health: ScenarioHealth; running?: boolean }) {
  const { t } = useTranslation();
  const kind = running ? 'running' : health;
  return (
    <span className={`chip chip-${kind}`} data-testid="status-chip" data-health={kind}>
      {t(`health.${kind}`)}
    </span>
  );
}
