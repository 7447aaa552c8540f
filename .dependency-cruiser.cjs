// Layer rules from ../shared/design/ARCHITECTURE.md, checked by `npm run lint`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-the-bottom-layer',
      comment: 'shared/ holds the contract and domain model; it imports nothing from electron/ or renderer/.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer)/' },
    },
    {
      name: 'shared-has-no-node',
      comment: 'shared/ runs in the renderer too: no Node built-ins.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-never-imports-electron',
      comment: 'The engine is plain Node: no electron, no shell, no renderer, no simulator.',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: '^(electron/(shell|sim|dashboard)/|electron/main|electron/preload|renderer/)|^node_modules/electron/' },
    },
    {
      name: 'core-never-imports-electron-package',
      severity: 'error',
      from: { path: '^electron/(core|sim|dashboard)/' },
      to: { path: '^electron$', dependencyTypes: ['npm', 'npm-dev', 'unknown', 'undetermined'] },
    },
    {
      name: 'sim-and-client-share-no-api-shapes',
      comment: 'The simulator and the Make client are each checked against the fixtures on their own.',
      severity: 'error',
      from: { path: '^electron/sim/' },
      to: { path: '^electron/core/' },
    },
    {
      name: 'client-does-not-use-sim',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: '^electron/sim/' },
    },
    {
      name: 'renderer-imports-only-shared',
      comment: 'The renderer talks to main only through the contract in shared/.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^electron/' },
    },
    {
      name: 'renderer-has-no-node',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'app-never-imports-tests',
      severity: 'error',
      from: { path: '^(electron|renderer|shared)/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
