// A short message near the bottom of the page (context-menu save feedback). Static DOM in a
// shadow root, role=status so screen readers announce it; it removes itself.
const CSS = `
:host { all: initial; position: fixed; z-index: 2147483647; left: 50%; bottom: 24px; transform: translateX(-50%); }
div { font: 500 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; padding: 8px 14px; border-radius: 10px;
  background: #151b2b; color: #e8ecf6; box-shadow: 0 6px 20px rgba(0,0,0,.35); max-width: min(480px, 90vw); }
`;

export const TOAST_TAG = 'frame-facts-toast';

export function showToast(doc: Document, message: string, ms = 4_000): void {
  doc.querySelector(TOAST_TAG)?.remove();
  const host = doc.createElement(TOAST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  box.textContent = message;
  root.append(style, box);
  doc.body.append(host);
  setTimeout(() => host.remove(), ms);
}
