import { useTranslation } from 'react-i18next';
import type { ScenarioHealth } from '../../../shared/domain';

export type ChipKind = ScenarioHealth | 'running';
export const chipKind = (health: ScenarioHealth, running?: boolean): ChipKind => (running ? 'running' : health);

/** The chip with its label given: lists render many and translate the labels once. */
export function Chip({ kind, label }: { kind: ChipKind; label: string }) {
  return (
    <span className={`chip chip-${kind}`} data-testid="status-chip" data-health={kind}>
      {label}
    </span>
  );
}

export function StatusChip({ health, running }: { health: ScenarioHealth; running?: boolean }) {
  const { t } = useTranslation();
  const kind = chipKind(health, running);
  return <Chip kind={kind} label={t(`health.${kind}`)} />;
}
