// Unit-test setup: fakeBrowser has no i18n, so answer getMessage from the real English catalogue,
// placeholders included, the way the browser does.
import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach } from 'vitest';

type Catalogue = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;
const catalogue = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Catalogue;

export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = catalogue[key];
  if (!entry) return '';
  const subs =
    substitutions === undefined
      ? []
      : Array.isArray(substitutions)
        ? substitutions
        : [substitutions];
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, n: string) => subs[Number(n) - 1] ?? '');
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
});
