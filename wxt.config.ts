import { defineConfig } from 'wxt';

// Hosts the content script runs on. Kept here so the manifest and the e2e host map agree.
export const SUPPORTED_HOSTS = ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'frame-facts@framefacts.app',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: ['.output/**', 'test-results/**', '**/*.log', 'coverage/**', 'tmp/**'],
  },
});
