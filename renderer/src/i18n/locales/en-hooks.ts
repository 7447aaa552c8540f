// English strings of the hooks area (views/hooks/). ja-hooks.ts must have the same keys.
export const enHooks = {
  title: 'Webhooks',
} as const;
