// The management services of one ManagementPort, built once per engine.
import type { ManagementPort } from './ports';
import { MemberService } from './members';
import { AgencyReportService } from './report/service';
import { ScenarioLifecycleService } from './scenarios';
import type { SchedulingCheckOptions } from './scheduling';
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

export function createManagementServices(port: ManagementPort, options: ManagementServicesOptions = {}): ManagementServices {
  return {
    hooks: new WebhookService(port),
    members: new MemberService(port),
    scenarios: new ScenarioLifecycleService(port, options.schedulingRules),
    report: new AgencyReportService(port),
  };
}
