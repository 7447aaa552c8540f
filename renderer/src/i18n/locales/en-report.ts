// English strings of the report area (views/report/). ja-report.ts must have the same keys.
export const enReport = {
  title: 'Report',
} as const;
