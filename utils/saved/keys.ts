// Where saved posts live in storage.local: one key per post. Apart from the store so the content
// script can mark saved rows without bundling the store's schema validation.
export const SAVED_PREFIX = 'saved:';

export const storageKey = (postKey: string) => `${SAVED_PREFIX}${postKey}`;
