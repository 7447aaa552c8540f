import { expect, test } from 'vitest';
test('runs on the Node major Electron 45 embeds', () => {
  expect(Number(process.versions.node.split('.')[0])).toBe(24);
});
