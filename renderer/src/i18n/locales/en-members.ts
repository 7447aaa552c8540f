// English strings of the members area (views/members/). ja-members.ts must have the same keys.
export const enMembers = {
  title: 'Members',
} as const;
