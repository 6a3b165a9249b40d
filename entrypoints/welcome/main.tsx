// First-run page: what Frame Facts does, where it works, what stays private.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/ui.css';
import '../options/options.css';

const t = browser.i18n.getMessage.bind(browser.i18n);

/** The shortcut as the user's browser has it bound, which may differ from our suggestion. */
function useShortcut(): string | null {
  const [keys, setKeys] = useState<string | null>(null);
  useEffect(() => {
    void browser.commands
      .getAll()
      .then((all) => setKeys(all.find((c) => c.name === 'toggle-badges')?.shortcut || null));
  }, []);
  return keys;
}

function Welcome() {
  const shortcut = useShortcut();
  return (
    <main className="options">
      <h1>{t('welcomeTitle')}</h1>
      <section>
        <p>{t('welcomeIntro')}</p>
        <p>{t('welcomeFactCheck')}</p>
        {shortcut ? <p>{t('welcomeShortcut', shortcut)}</p> : null}
      </section>
      <section aria-labelledby="sites">
        <h2 id="sites">{t('welcomeSites')}</h2>
        <p>{t('welcomeSupportedSites')}</p>
      </section>
      <section aria-labelledby="privacy">
        <h2 id="privacy">{t('welcomePrivacy')}</h2>
        <p>{t('optionsPrivacyText')}</p>
      </section>
      <p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('welcomeOpenOptions')}
        </button>
      </p>
    </main>
  );
}

document.title = t('welcomeTitle');
createRoot(document.getElementById('root')!).render(<Welcome />);
