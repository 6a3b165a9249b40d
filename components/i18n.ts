// Typed access to the extension's message catalogue, and the shared user-facing error texts.
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

let numbers: Intl.NumberFormat | null = null;
const sub = (value: string | number): string =>
  typeof value === 'number'
    ? (numbers ??= new Intl.NumberFormat(uiLanguage())).format(value)
    : value;

/** A message from the catalogue; numbers are substituted in the UI language's format (10,000). */
export const t = (key: MessageKey, subs?: string | number | (string | number)[]): string =>
  browser.i18n.getMessage(
    key,
    subs === undefined ? undefined : Array.isArray(subs) ? subs.map(sub) : sub(subs),
  );

const ERROR_TEXT: Record<string, MessageKey> = {
  'storage-full': 'errorStorageFull',
  'storage-failed': 'errorStorageFailed',
};

/** The message for a failed saved-posts request (storage full or failing, or anything else). */
export const errorText = (code: string | undefined): string =>
  t(ERROR_TEXT[code ?? ''] ?? 'errorGeneric');

/** The browser UI language for dates, where the API offers it (tests have no i18n locale). */
export function uiLanguage(): string | undefined {
  try {
    return browser.i18n.getUILanguage() || undefined;
  } catch {
    return undefined;
  }
}
