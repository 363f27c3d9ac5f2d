import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { FIREFOX_ADDON_ID } from './utils/core/settings/transfer';

/**
 * Public half of the development key: it fixes the unpacked extension id to
 * edpgbefdgngbojdkbmjhmpdlnheedlfk, so policy files and tests can name it. Store builds
 * (MAYDAY_STORE_BUILD=1) leave it out: the stores assign their own id.
 */
const DEV_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA0TDvKf7X4hTfnuZ9SahTeNuSCn+M0k8MGcroI9/HClsNFGGYqnYZa7EUp/zzF4DUj3/Tn0T7YUUv3j44D1fhKSpTjYtGRuKt9JIRrKmQUyC3fCOPdNLrQO14Hbr6oZYP2oAn8DUAJuaHQNTFXB/49+gXpF0bAK9JyJuKOy1S19FTsTH1DPqh8m0Cp95N44geeUn0vAJDlZ3fYrnCBLocNsM36Ax/UuHir/f32sGXcl0KdRpiyrJp83nuQQFVwrq72ws5jal4RxZhQ4AZ3IW74TmxYxPxdLWJAHY3aOJokI9YlKH0hOS+Nrp+5G/WEDiaGg95a7wHiZ9R6J+Z73OgdQIDAQAB';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    ...(browser === 'chrome' && !process.env.MAYDAY_STORE_BUILD ? { key: DEV_PUBLIC_KEY } : {}),
    action: { default_title: '__MSG_actionTitle__' },
    // Each permission is justified in docs/permissions.md.
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'alarms', 'contextMenus', 'webRequest', 'notifications'],
    commands: {
      // Alt+Shift+M ("Mayday"): Chromium refuses Alt+Shift+R and Alt+Shift+P as reserved. People
      // change it at chrome://extensions/shortcuts or about:addons (Manage extension shortcuts).
      'report-problem': { suggested_key: { default: 'Alt+Shift+M' }, description: '__MSG_commandReport__' },
    },
    host_permissions: ['<all_urls>'],
    // Only when an admin chooses the browser profile as the requester's address (Chromium only).
    ...(browser === 'chrome' ? { optional_permissions: ['identity', 'identity.email'] } : {}),
    // Policy an admin sets for the extension (storage.managed); every setting is declared there.
    storage: { managed_schema: 'managed_schema.json' },
    // Firefox reads policies (and storage.managed) only for an extension with a fixed id.
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: FIREFOX_ADDON_ID } } } : {}),
  }),
});
