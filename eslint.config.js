import js from '@eslint/js';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.output*/**',
      '.wxt/**',
      'node_modules/**',
      'tests/fixtures/**',
      'data/**',
      'tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Page and dataset text must never become markup: build DOM with textContent instead.
      'no-restricted-properties': [
        'error',
        {
          property: 'innerHTML',
          message: 'Use textContent / createElement; page and dataset text is hostile.',
        },
        {
          property: 'outerHTML',
          message: 'Use textContent / createElement; page and dataset text is hostile.',
        },
        { property: 'insertAdjacentHTML', message: 'Build DOM nodes instead.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No raw HTML in React.',
        },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // Every user-visible string comes from _locales; symbols that are not words are allowed.
    files: ['components/**/*.tsx', 'entrypoints/**/*.tsx'],
    ignores: ['**/*.test.tsx'],
    plugins: { react },
    rules: {
      'react/jsx-no-literals': [
        'error',
        {
          noStrings: true,
          allowedStrings: ['×', '·', '≈', '–', '(', ')', ':', '/', '…', '✓'],
          ignoreProps: true,
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'tests/**', '*.config.*'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
