import { defineConfig } from 'wxt';
import { datasetHostPermissions } from './utils/dataset/config';

const iconSet = (prefix: string) =>
  Object.fromEntries([16, 32, 48, 96, 128].map((size) => [size, `icon/${prefix}${size}.png`]));

export default defineConfig({
  // A second output folder lets a developer build while the e2e suite uses .output.
  outDir: process.env.FF_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'alarms',
      'activeTab',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['scripting']),
    ],
    // Any other site only when the user switches it on from the popup, one origin at a time.
    ...(browser === 'firefox'
      ? { optional_permissions: ['*://*/*'] }
      : { optional_host_permissions: ['*://*/*'] }),
    // The dataset feed's origin (WXT_DATASET_URL): fetch without relying on its CORS headers, send
    // If-None-Match and read ETag. Also fails the build on a bad WXT_DATASET_* configuration.
    host_permissions: datasetHostPermissions(process.env),
    icons: iconSet(''),
    action: { default_title: '__MSG_extName__', default_icon: iconSet('') },
    commands: {
      'toggle-badges': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_commandToggle__',
      },
    },
    ...(browser === 'firefox'
      ? {
          // WXT fills MV2's browser_action with the popup only; the title and icon are ours to give.
          browser_action: { default_title: '__MSG_extName__', default_icon: iconSet('') },
          browser_specific_settings: {
            // data_collection_permissions needs Firefox 140 (desktop) / 142 (Android); a lower
            // minimum makes `web-ext lint` warn (KEY_FIREFOX_*UNSUPPORTED_BY_MIN_VERSION).
            gecko: {
              id: 'frame-facts@framefacts.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: [
      '.output/**',
      '.output-*/**',
      'test-results/**',
      '**/*.log',
      'coverage/**',
      'tmp/**',
      'demo-screenshot.png',
    ],
  },
});
