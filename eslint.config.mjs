// Lint with TypeScript rules plus the process-boundary fences of ARCHITECTURE.md.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noElectron = { name: 'electron', message: 'The core, the host and shared/ are plain Node: no electron here.' };
// One desk clock (shared/domain/clock.ts): the core's `now`, the renderer's deskNow(). Durations use performance.now().
const noSystemTime = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Take "now" from the desk clock (ctx.now / deskNow()), not new Date().' },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Take "now" from the desk clock (ctx.now / deskNow()), not Date.now().' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/*.cjs', '.data/**', 'tests/artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/**', 'shared/**', 'renderer/**'],
    ignores: ['shared/domain/clock.ts', 'renderer/src/api/desk-clock.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noSystemTime] },
  },
  {
    files: ['electron/core/**', 'electron/host/**', 'electron/policy/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron, ...nodeModules.map((name) => ({ name, message: 'shared/ runs in the renderer too: no Node modules.' }))] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeModules.map((name) => ({ name, message: 'The renderer has no Node.' }))],
          patterns: [{ group: ['**/electron/**'], message: 'The renderer talks to the core only through the API bridge.' }],
        },
      ],
    },
  },
);
