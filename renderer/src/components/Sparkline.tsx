// Recent runs as tiny bars, oldest left: height and colour by outcome.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../../shared/domain';

const W = 4;
const GAP = 1;
const H = 14;
const MAX = 16;

/** The words a sparkline needs; a list translates them once for all its rows. */
export interface SparklineLabels {
  never: string;
  recent: string;
  failing: string;
  warning: string;
}

export function sparklineLabels(t: (key: string) => string): SparklineLabels {
  return { never: t('list.never'), recent: t('list.colRecent'), failing: t('health.failing'), warning: t('health.warning') };
}

export const SparklineBars = memo(function SparklineBars({ runs, labels }: { runs: RunSummary[]; labels: SparklineLabels }) {
  const shown = runs.slice(0, MAX).reverse();
  if (shown.length === 0) return <span className="muted">{labels.never}</span>;
  let failed = 0;
  let warned = 0;
  for (const r of shown) {
    if (r.status === 3) failed += 1;
    else if (r.status === 2) warned += 1;
  }
  const label = `${labels.recent}: ${shown.length} · ${labels.failing} ${failed} · ${labels.warning} ${warned}`;
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

export const Sparkline = memo(function Sparkline({ runs }: { runs: RunSummary[] }) {
  const { t } = useTranslation();
  return <SparklineBars runs={runs} labels={sparklineLabels(t)} />;
});
