// First run: a page that says what the extension does, where, and what it keeps private.
export function registerWelcomePage(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install')
      void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
}
