import type { Model } from '@/utils/dataset/schema';

export function statusText(status: Model['status'] | null): string {
  switch (status) {
    case 'GA':
      return browser.i18n.getMessage('statusGA');
    case 'preview':
      return browser.i18n.getMessage('statusPreview');
    case 'announced':
      return browser.i18n.getMessage('statusAnnounced');
    case 'deprecated':
      return browser.i18n.getMessage('statusDeprecated');
    default:
      return browser.i18n.getMessage('unknown');
  }
}
