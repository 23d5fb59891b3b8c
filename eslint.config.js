import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.tools/**', '**/dist/**', 'data/**', 'artifacts/**', 'coverage/**', 'packages/explorer/public/vendor/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Each package exposes one public entry; reaching into another package's files is a defect.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@newsgraph/*/*'], message: 'import the package entry (@newsgraph/<pkg>), not its internals' }] },
      ],
    },
  },
  // The explorer's page scripts run in the browser, not in Node.
  {
    files: ['packages/explorer/public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
