// Recent runs as tiny bars, oldest left: height and colour by outcome.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../../shared/domain';

const W = 4;
const GAP = 1;
const H = 14;
const MAX = 16;

export const Sparkline = memo(function Sparkline({ runs }: { runs: RunSummary[] }) {
  const { t } = useTranslation();
  const shown = runs.slice(0, MAX).reverse();
  if (shown.length === 0) return <span className="muted">{t('list.never')}</span>;
  const failed = shown.filter((r) => r.status === 3).length;
  const warned = shown.filter((r) => r.status === 2).length;
  const label = `${t('list.colRecent')}: ${shown.length} · ${t('health.failing')} ${failed} · ${t('health.warning')} ${warned}`;
  return (
    <svg className="spark" width={MAX * (W + GAP)} height={H} role="img" aria-label={label} viewBox={`0 0 ${MAX * (W + GAP)} ${H}`}>
      {shown.map((r, i) => {
        const h = r.status === 3 ? H : r.status === 2 ? H * 0.75 : r.status === 'running' ? H * 0.4 : H * 0.55;
        const cls = r.status === 3 ? 'bad' : r.status === 2 ? 'warn' : r.status === 'running' ? 'run' : 'good';
        return <rect key={r.id} className={`spark-${cls}`} x={i * (W + GAP)} y={H - h} width={W} height={h} rx={1} />;
      })}
    </svg>
  );
});
