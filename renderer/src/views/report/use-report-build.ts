// Building a report through main: a request id of the page's own, `report.progress` events matched
// to it, a stop button, and the result kept until the next build. Leaving the screen stops a build
// still running, so it does not go on spending the organizations' request budget.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgencyReportView, ReportProgressEvent } from '../../../../shared/contract-report';
import type { OrgKey } from '../../../../shared/domain';
import { useServices } from '../../app-context';
import { act, errorPlace } from '../../store/ui-store';
import type { DayRange } from './report-range';

export const BUILD_PLACE = errorPlace('report', 'build');
export const EXPORT_PLACE = errorPlace('report', 'export');
export const CANCEL_PLACE = errorPlace('report', 'cancel');

export interface BuiltReport {
  requestId: string;
  report: AgencyReportView;
  days: DayRange;
  cancelled: boolean;
}

export interface BuildInput {
  orgKeys: OrgKey[];
  range: { from: number; to: number };
  days: DayRange;
  onlyWithRuns: boolean;
}

let seq = 0;
const newRequestId = () => `rep-${Date.now().toString(36)}-${(++seq).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export function useReportBuild() {
  const { api, ui } = useServices();
  const [running, setRunning] = useState<string | null>(null);
  const [progress, setProgress] = useState<Omit<ReportProgressEvent, 'requestId'> | null>(null);
  const [built, setBuilt] = useState<BuiltReport | null>(null);
  const runningRef = useRef<string | null>(null);

  useEffect(
    () =>
      api.on('report.progress', (p) => {
        if (p.requestId === runningRef.current) setProgress({ scenariosDone: p.scenariosDone, scenariosTotal: p.scenariosTotal, requests: p.requests });
      }),
    [api],
  );

  useEffect(
    () => () => {
      if (runningRef.current) void api.invoke('report.cancel', { requestId: runningRef.current }).catch(() => undefined);
      runningRef.current = null;
    },
    [api],
  );

  const build = useCallback(
    async (input: BuildInput) => {
      const requestId = newRequestId();
      runningRef.current = requestId;
      setRunning(requestId);
      setProgress(null);
      const reply = await act(ui, BUILD_PLACE, () =>
        api.invoke('report.build', { requestId, orgKeys: input.orgKeys, ...input.range, onlyWithRuns: input.onlyWithRuns }),
      );
      if (runningRef.current !== requestId) return; // the screen was left meanwhile
      runningRef.current = null;
      setRunning(null);
      if (reply) setBuilt({ requestId, report: reply.report, days: input.days, cancelled: reply.cancelled });
    },
    [api, ui],
  );

  const cancel = useCallback(() => {
    const requestId = runningRef.current;
    if (requestId) void act(ui, CANCEL_PLACE, () => api.invoke('report.cancel', { requestId }));
  }, [api, ui]);

  return { running: running !== null, progress, built, build, cancel };
}
