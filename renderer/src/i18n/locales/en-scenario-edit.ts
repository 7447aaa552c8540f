// English strings of the scenario-edit area (views/scenario-edit/). ja-scenario-edit.ts must have the same keys.
export const enScenarioEdit = {
  title: 'Edit scenario',
} as const;
