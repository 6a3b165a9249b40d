// Options page: the sites the user switched Frame Facts on for from the popup, each with a button
// that switches it off again (and gives back the host permission).
import { useCallback, useEffect, useState } from 'react';
import { CUSTOM_SITES_KEY, disableCustomSite, readCustomSites } from '@/utils/customSites/origins';
import { errorText, t } from './i18n';

export function CustomSitesPanel() {
  const [sites, setSites] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    readCustomSites()
      .then(setSites)
      .catch(() => setError(errorText(undefined)));
  }, []);

  useEffect(() => {
    load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && CUSTOM_SITES_KEY in changes) load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [load]);

  const remove = (origin: string) => {
    setError(null);
    disableCustomSite(origin)
      .then(load)
      .catch(() => setError(errorText('storage-failed')));
  };

  if (sites === null) return null;
  return (
    <div className="custom-sites" data-testid="custom-sites">
      {sites.length === 0 ? (
        <p className="muted">{t('customSitesEmpty')}</p>
      ) : (
        <ul>
          {sites.map((origin) => (
            <li key={origin} data-testid="custom-site">
              <span>{origin}</span>
              <button
                type="button"
                aria-label={t('customSitesRemoveLabel', new URL(origin).host)}
                onClick={() => remove(origin)}
              >
                {t('customSitesRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
