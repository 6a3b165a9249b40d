import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Catalogue = Record<string, Entry>;

const LOCALES_DIR = join(process.cwd(), 'public', '_locales');
const EXPECTED_LOCALES = ['de', 'en', 'es', 'fr', 'ja', 'ko', 'pt_BR', 'zh_CN'];

function load(locale: string): Catalogue {
  return JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Catalogue;
}

/** `$NAME$` tokens in a message, upper-cased (Chrome matches them case-insensitively), sorted. */
function tokens(message: string): string[] {
  return [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toUpperCase()).sort();
}

function placeholders(entry: Entry): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
}

const en = load('en');
const enKeys = Object.keys(en).sort();
const locales = readdirSync(LOCALES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const translated = locales.filter((l) => l !== 'en');

describe('locale catalogues', () => {
  it('has exactly the expected locale folders', () => {
    expect(locales).toEqual([...EXPECTED_LOCALES].sort());
  });

  it('English placeholders are self-consistent', () => {
    for (const [key, entry] of Object.entries(en)) {
      expect(tokens(entry.message), key).toEqual(
        Object.keys(placeholders(entry))
          .map((n) => n.toUpperCase())
          .sort(),
      );
    }
  });

  describe.each(translated)('%s', (locale) => {
    const catalogue = load(locale);

    it('has exactly the English keys', () => {
      expect(Object.keys(catalogue).sort()).toEqual(enKeys);
    });

    it('has no empty messages', () => {
      for (const [key, entry] of Object.entries(catalogue)) {
        expect(typeof entry.message, key).toBe('string');
        expect(entry.message.trim(), key).not.toBe('');
      }
    });

    it('uses the same placeholder tokens and placeholders as English', () => {
      for (const key of enKeys) {
        const entry = catalogue[key];
        if (!entry) continue;
        expect(tokens(entry.message), key).toEqual(tokens(en[key]!.message));
        expect(placeholders(entry), key).toEqual(placeholders(en[key]!));
      }
    });

    it('keeps the extension name and store limits', () => {
      expect(catalogue.extName?.message).toBe('Frame Facts');
      expect(catalogue.extName!.message.length).toBeLessThanOrEqual(75);
      expect(catalogue.extDescription!.message.length).toBeLessThanOrEqual(132);
    });
  });

  it('English name and description fit the store limits', () => {
    expect(en.extName!.message.length).toBeLessThanOrEqual(75);
    expect(en.extDescription!.message.length).toBeLessThanOrEqual(132);
  });
});
