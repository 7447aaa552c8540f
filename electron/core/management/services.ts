// The management services of one ManagementPort, built once per engine.
import type { ManagementPort } from './ports';
import { MemberService } from './members';
import { AgencyReportService } from './report/service';
import { ScenarioLifecycleService } from './scenarios';
import type { SchedulingCheckOptions } from '../../../shared/scheduling';
import { WebhookService } from './webhooks';

export interface ManagementServices {
  hooks: WebhookService;
  members: MemberService;
  scenarios: ScenarioLifecycleService;
  report: AgencyReportService;
}

export interface ManagementServicesOptions {
  /** Per-organization scheduling limits (the plan's shortest interval). */
  schedulingRules?: (orgKey: string) => SchedulingCheckOptions;
}

/** The plan's limit as Make enforces it, so a too-short interval is refused before anything is sent. */
const planSchedulingRules =
  (port: ManagementPort) =>
  (orgKey: string): SchedulingCheckOptions => {
    const minutes = port.minIntervalMinutes?.(orgKey) ?? null;
    return minutes ? { minIntervalMinutes: minutes } : {};
  };

export function createManagementServices(port: ManagementPort, options: ManagementServicesOptions = {}): ManagementServices {
  return {
    hooks: new WebhookService(port),
    members: new MemberService(port),
    scenarios: new ScenarioLifecycleService(port, options.schedulingRules ?? planSchedulingRules(port)),
    report: new AgencyReportService(port),
  };
}
