// What the shared validators (blueprint, scheduling) find, as codes with values, so each side words a
// problem in its own language: main (contract errors, logs) in English, the window in the user's. The
// English texts are here; another language provides a table of the same keys (a missing key does not
// compile). `{{name}}` is replaced by the value; `{{kind}}` by the table's word for that kind of value.

export const PROBLEM_TEXTS_EN = {
  'file-empty': 'The file is empty.',
  'file-too-large': 'The file is too large to be a scenario blueprint.',
  'not-json': 'The file is not valid JSON, so it cannot be a blueprint.',
  'not-json-at': 'The file is not valid JSON ({{where}}), so it cannot be a blueprint.',
  'not-object': 'A blueprint is a JSON object with "name" and "flow"; this file holds {{kind}}.',
  'api-listing': 'This file is a Make API listing, not a scenario blueprint (export the blueprint of one scenario).',
  'no-name': 'The blueprint has no "name".',
  'name-not-text': 'The blueprint\'s "name" must be non-empty text.',
  'no-flow': 'The blueprint has no "flow" (the list of its modules).',
  'flow-not-list': 'The blueprint\'s "flow" must be a list of modules; it is {{kind}}.',
  'metadata-not-object': 'The blueprint\'s "metadata" must be an object.',
  'module-not-object': 'Module {{at}} is {{kind}}, not a module object.',
  'module-no-id': 'Module {{at}} has no "id".',
  'module-bad-id': 'Module {{at}} has an "id" that is not a positive whole number.',
  'module-repeated-id': 'Module {{at}} repeats the id {{id}} of module {{other}}.',
  'module-no-module': 'Module {{at}} has no "module" (the app and action, e.g. "http:ActionSendData").',
  'module-bad-module': 'Module {{at}} has a "module" that is not of the form "app:Action".',
  'module-routes-not-list': 'Module {{at}} has "routes" that are not a list.',
  'route-no-flow': 'Route {{at}} has no "flow" list.',
  'more-problems': '… and {{count}} more problems.',
  'schedule-unknown-type': '"{{type}}" is not one of Make\'s schedule types.',
  'schedule-no-time': 'Choose the time of day.',
  'schedule-bad-time': '"{{time}}" is not a time of day (HH:MM, 00:00–23:59).',
  'schedule-no-weekdays': 'Choose at least one day of the week.',
  'schedule-bad-weekdays': 'Each day of the week must be a whole number from 1 to 7.',
  'schedule-no-monthdays': 'Choose at least one day of the month.',
  'schedule-bad-monthdays': 'Each day of the month must be a whole number from 1 to 31.',
  'schedule-no-interval': 'Choose how often it runs (a whole number of seconds).',
  'schedule-interval-too-short': 'The interval must be at least {{minutes}} min on this plan.',
  'schedule-no-date': 'Choose the date and time of the run.',
  'schedule-date-past': 'The date of a single run must be in the future.',
  'schedule-no-months': 'Choose at least one month.',
  'schedule-bad-months': 'Each month must be a whole number from 1 to 12.',
  'schedule-no-such-date': 'None of the chosen dates exists in the calendar.',
  'kind.null': 'null',
  'kind.list': 'a list',
  'kind.object': 'an object',
  'kind.text': 'a string',
  'kind.number': 'a number',
  'kind.boolean': 'true or false',
  'kind.other': 'an unknown value',
} as const;

export type ProblemTexts = Record<keyof typeof PROBLEM_TEXTS_EN, string>;
export type ProblemCode = Exclude<keyof typeof PROBLEM_TEXTS_EN, `kind.${string}`>;
export type ValueKind = (keyof typeof PROBLEM_TEXTS_EN extends infer K ? (K extends `kind.${infer V}` ? V : never) : never);

export interface Problem {
  code: ProblemCode;
  params?: Record<string, string | number>;
}

export const problem = (code: ProblemCode, params?: Problem['params']): Problem => (params ? { code, params } : { code });

export function kindOf(v: unknown): ValueKind {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  switch (typeof v) {
    case 'object':
      return 'object';
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'other';
  }
}

export function problemText(p: Problem, texts: ProblemTexts = PROBLEM_TEXTS_EN): string {
  return texts[p.code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const v = p.params?.[name];
    if (name === 'kind') return texts[`kind.${String(v)}` as keyof ProblemTexts] ?? String(v);
    return v === undefined ? '' : String(v);
  });
}
