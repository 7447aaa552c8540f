// Scenario lifecycle: create from a blueprint file, export a blueprint, rename, move to a folder, edit
// the description and the schedule, delete (the user types the scenario's name). Every change shows in
// the state at once (through the port) and the organization's next poll confirms it.
import { folderKey as makeFolderKey } from '../../../shared/domain';
import type { FolderKey, ScenarioKey, Scheduling, TeamKey } from '../../../shared/domain';
import { isConfirmationRequired, toScenarioFacts, type MakeScenario, type UpdateScenarioInput } from '../make';
import { toDomainFacts } from '../poller/scenario-facts';
import { blueprintFileName, validateBlueprint } from '../../../shared/blueprint';
import type { ManagementPort } from './ports';
import { failed, invalidInput, needsConfirmation, ok, toManagementError, type ManagementResult } from './results';
import { checkScheduling, keepAdvancedScheduling, normalizeScheduling, type SchedulingCheckOptions } from '../../../shared/scheduling';
import { scenarioTarget, teamTarget, type ScenarioTarget } from './targets';

export interface CreateScenarioRequest {
  teamKey: TeamKey;
  /** The file's text (or an already parsed value); validated before anything is sent. */
  blueprint: unknown;
  /** Default: every 15 minutes, Make's default for a new scenario. It starts inactive either way. */
  scheduling?: Scheduling;
  folderKey?: FolderKey | null;
  /** Make asks when the blueprint installs an app for the first time: send again with true. */
  confirmed?: boolean;
}

export interface CreatedScenario {
  key: ScenarioKey;
  id: number;
  name: string;
}

export interface BlueprintExport {
  fileName: string;
  /** Pretty-printed JSON, ready to write to a file. */
  text: string;
}

const SUBJECT = { thing: 'scenario' };
export const DEFAULT_SCHEDULING: Scheduling = { type: 'indefinitely', interval: 900 };

export class ScenarioLifecycleService {
  constructor(
    private readonly port: ManagementPort,
    private readonly schedulingRules: (orgKey: string) => SchedulingCheckOptions = () => ({}),
  ) {}

  async create(req: CreateScenarioRequest): Promise<ManagementResult<CreatedScenario>> {
    const check = validateBlueprint(req.blueprint);
    if (!check.ok) return invalidInput(check.problems, 'blueprint');
    const found = teamTarget(this.port, req.teamKey);
    if (found.error) return failed(found.error);
    const t = found.target;
    const scheduling = normalizeScheduling(req.scheduling ?? DEFAULT_SCHEDULING);
    const problems = checkScheduling(scheduling, { now: this.port.now(), ...this.schedulingRules(t.orgKey) });
    if (problems.length > 0) return invalidInput(problems, 'scheduling');
    let folderId: number | undefined;
    if (req.folderKey) {
      const folder = this.port.getState().folders[req.folderKey];
      if (!folder || folder.teamKey !== t.teamKey) return invalidInput(['Choose a folder of the same team.'], 'folderKey');
      folderId = folder.id;
    }
    try {
      const created = await this.port.governed(t.orgKey, 'user', (signal) =>
        t.client.createScenario(
          {
            teamId: t.teamId,
            blueprint: check.blueprint,
            scheduling: { ...scheduling },
            ...(folderId !== undefined ? { folderId } : {}),
            ...(req.confirmed === true ? { confirmed: true } : {}),
          },
          { signal },
        ),
      );
      const facts = toDomainFacts(toScenarioFacts(created), t.zone, t.orgKey);
      this.port.upsertScenario(facts);
      this.port.requestPoll(t.orgKey);
      return ok({ key: facts.key, id: facts.id, name: facts.name });
    } catch (err) {
      if (req.confirmed !== true && isConfirmationRequired(err)) {
        return needsConfirmation({
          reason: 'make-asks',
          message: `Make asks for a confirmation: ${(err as { detail?: string }).detail ?? 'the blueprint installs an app in this organization for the first time'}. Create the scenario anyway?`,
        });
      }
      return failed(toManagementError(err, SUBJECT));
    }
  }

  async exportBlueprint(key: ScenarioKey): Promise<ManagementResult<BlueprintExport>> {
    const found = scenarioTarget(this.port, key);
    if (found.error) return failed(found.error);
    const t = found.target;
    try {
      const r = await this.port.governed(t.orgKey, 'user', (signal) => t.client.getBlueprint(t.scenario.id, {}, { signal }));
      return ok({ fileName: blueprintFileName(t.scenario.name, t.scenario.id), text: `${JSON.stringify(r.blueprint, null, 2)}\n` });
    } catch (err) {
      return failed(toManagementError(err, SUBJECT));
    }
  }

  async rename(key: ScenarioKey, name: string): Promise<ManagementResult<{ name: string }>> {
    const n = name.trim();
    if (n === '') return invalidInput(['Give the scenario a name.'], 'name');
    return this.patch(key, { name: n }, (s) => ({ name: s.name }));
  }

  async setDescription(key: ScenarioKey, description: string): Promise<ManagementResult<{ description: string }>> {
    return this.patch(key, { description }, (s) => ({ description: s.description ?? description }));
  }

  /** `null` moves the scenario out of any folder. */
  async moveToFolder(key: ScenarioKey, folderKey: FolderKey | null): Promise<ManagementResult<{ folderKey: FolderKey | null }>> {
    const scenario = this.port.getState().scenarios[key];
    let folderId: number | null = null;
    if (folderKey !== null) {
      const folder = this.port.getState().folders[folderKey];
      if (!folder || (scenario && folder.teamKey !== scenario.teamKey)) return invalidInput(["Choose a folder of the scenario's own team."], 'folderKey');
      folderId = folder.id;
    }
    return this.patch(key, { folderId }, (s, t) => ({ folderKey: s.folderId === null || s.folderId === undefined ? null : makeFolderKey(t.zone, s.folderId) }));
  }

  async setSchedule(key: ScenarioKey, scheduling: Scheduling): Promise<ManagementResult<{ scheduling: Scheduling; nextExec: number | null }>> {
    const current = this.port.getState().scenarios[key];
    const s = keepAdvancedScheduling(normalizeScheduling(scheduling), current?.scheduling);
    const orgKey = current?.orgKey;
    const problems = checkScheduling(s, { now: this.port.now(), ...(orgKey ? this.schedulingRules(orgKey) : {}) });
    if (problems.length > 0) return invalidInput(problems, 'scheduling');
    return this.patch(key, { scheduling: s }, (row) => {
      const facts = toScenarioFacts(row);
      return { scheduling: facts.scheduling ?? s, nextExec: facts.nextExec };
    });
  }

  /**
   * Deletes only when `confirmName` is the scenario's name exactly as shown (surrounding spaces
   * aside); otherwise nothing is sent and the answer asks for it.
   */
  async delete(key: ScenarioKey, confirmName: string | undefined): Promise<ManagementResult<{ deleted: true }>> {
    const found = scenarioTarget(this.port, key);
    if (found.error) return failed(found.error);
    const t = found.target;
    const name = t.scenario.name;
    if (confirmName === undefined || confirmName.trim() !== name.trim()) {
      return needsConfirmation({
        reason: 'scenario-name',
        message: `Deleting "${name}" removes it and its history from Make for good. Type the scenario's name to confirm.`,
        scenario: { id: t.scenario.id, key, name },
      });
    }
    try {
      await this.port.governed(t.orgKey, 'user', (signal) => t.client.deleteScenario(t.scenario.id, { signal }));
    } catch (err) {
      return failed(toManagementError(err, SUBJECT));
    }
    this.port.removeScenario(key);
    this.port.requestPoll(t.orgKey);
    return ok({ deleted: true });
  }

  private async patch<R>(
    key: ScenarioKey,
    body: { name?: string; description?: string; folderId?: number | null; scheduling?: Scheduling },
    result: (s: MakeScenario, t: ScenarioTarget) => R,
  ): Promise<ManagementResult<R>> {
    const found = scenarioTarget(this.port, key);
    if (found.error) return failed(found.error);
    const t = found.target;
    let row: MakeScenario;
    try {
      row = await this.port.governed(t.orgKey, 'user', (signal) => t.client.updateScenario(t.scenario.id, toUpdateInput(body), { signal }));
    } catch (err) {
      return failed(toManagementError(err, SUBJECT));
    }
    // Only what was changed (and what Make derives from it) goes into the state: counters stay the
    // poller's, so a partial answer cannot look like movement.
    const facts = toDomainFacts(toScenarioFacts(row), t.zone, t.orgKey);
    const patch: Parameters<ManagementPort['patchScenario']>[1] = {};
    if (body.name !== undefined) patch.name = facts.name;
    if (body.description !== undefined) patch.description = row.description ?? body.description;
    if (body.folderId !== undefined) {
      const folderId = row.folderId !== undefined ? row.folderId : body.folderId;
      patch.folderKey = folderId === null ? null : makeFolderKey(t.zone, folderId);
    }
    if (body.scheduling !== undefined) {
      patch.scheduling = facts.scheduling ?? body.scheduling;
      patch.nextExec = facts.nextExec;
    }
    if (row.lastEdit !== undefined) patch.lastEdit = facts.lastEdit;
    this.port.patchScenario(key, patch);
    this.port.requestPoll(t.orgKey);
    return ok(result(row, t));
  }
}

function toUpdateInput(body: { name?: string; description?: string; folderId?: number | null; scheduling?: Scheduling }): UpdateScenarioInput {
  const { scheduling, ...rest } = body;
  return { ...rest, ...(scheduling !== undefined ? { scheduling: { ...scheduling } } : {}) };
}
