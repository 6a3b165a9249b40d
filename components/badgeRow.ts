// The badge row inside a post: static DOM in an open shadow root (no React, no page CSS either way).
// Cheap enough to create for every matching post; the React fact card loads only when a pill opens.
import type { BadgeStyle, FactGroup } from '@/utils/settings/defaults';
import type { Pill } from '@/utils/badges/pills';
import { pillText, type PillText } from '@/utils/badges/pillText';
import { message } from '@/utils/i18n/message';

export const BADGE_TAG = 'frame-facts-badges';

// Solid colours rather than opacity: translucent layers in every post made the page's compositing
// measurably slower on a long feed (npm run bench:feed).
const CSS = `
:host { all: initial; display: block; margin: 6px 0 2px; }
.row { display: flex; flex-wrap: wrap; gap: 6px; font: 500 12px/1.3 system-ui, -apple-system, "Segoe UI", sans-serif; }
.ff-pill { all: unset; box-sizing: border-box; cursor: pointer; display: inline-flex; align-items: center; gap: 4px;
  padding: 2px 9px; border-radius: 999px; border: 1px solid var(--line); background: var(--bg); color: var(--fg); }
.ff-pill:hover { background: var(--bg-hover); }
.ff-pill:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.ff-pill .mark { flex: none; position: relative; box-sizing: border-box; width: 12px; height: 12px;
  border: 1.5px solid var(--muted); border-radius: 50%; }
.ff-pill .mark::before, .ff-pill .mark::after { content: ""; position: absolute; left: 50%; width: 2px;
  margin-left: -1px; border-radius: 1px; background: var(--muted); }
.ff-pill .mark::before { top: 1.5px; height: 2px; }
.ff-pill .mark::after { top: 4.25px; height: 3.75px; }
.ff-pill.retired .status { color: var(--warn); font-weight: 600; }
.ff-pill .detail { color: var(--muted); font-weight: 400; }
.saved { display: none; align-self: center; font-size: 11px; color: var(--muted); }
:host([data-saved]) .saved { display: inline; }
.ff-pill .check { color: var(--warn); font-weight: 700; }
:host([data-theme="light"]) { --bg: #eef3ff; --bg-hover: #dfe8ff; --fg: #1b2a4a; --muted: #4a5a7c; --line: #b9c8ee; --focus: #1d4ed8; --warn: #a23b00; }
:host([data-theme="dark"]) { --bg: #1c2740; --bg-hover: #263554; --fg: #e6ecff; --muted: #b4c0de; --line: #3b4d78; --focus: #8fb3ff; --warn: #ffb37a; }
`;

export interface BadgeRowOptions {
  pills: Pill[];
  style: BadgeStyle;
  facts: Record<FactGroup, boolean>;
  theme: 'light' | 'dark';
  postKey: string;
  onOpen(pill: Pill, button: HTMLButtonElement): void;
}

/** The "i" in a circle, drawn by CSS (.mark): font-independent, and one empty span per pill. */
function infoMark(doc: Document): HTMLElement {
  const mark = doc.createElement('span');
  mark.className = 'mark';
  mark.setAttribute('aria-hidden', 'true');
  return mark;
}

/**
 * One parsed stylesheet shared by every row of the page where the browser lets a content script
 * adopt it; a <style> per row otherwise (Firefox's content-script wrappers refuse the array).
 */
const sheets = new WeakMap<Document, CSSStyleSheet | null>();
function applyStyles(doc: Document, root: ShadowRoot): void {
  if (!sheets.has(doc)) {
    let sheet: CSSStyleSheet | null = null;
    try {
      sheet = new (doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet)();
      sheet.replaceSync(CSS);
    } catch {
      sheet = null;
    }
    sheets.set(doc, sheet);
  }
  const sheet = sheets.get(doc);
  if (sheet) {
    try {
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      sheets.set(doc, null);
    }
  }
  const style = doc.createElement('style');
  style.textContent = CSS;
  root.append(style);
}

/** Our clicks and keys are ours alone: the post around us navigates on click. */
const stopPropagation = (event: Event) => event.stopPropagation();
const ISOLATED_EVENTS = [
  'click',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
];

function pillButton(doc: Document, pill: Pill, text: PillText): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'ff-pill';
  button.setAttribute('data-family', pill.family.id);
  button.title = message('pillTitle', pill.label);
  button.setAttribute('aria-haspopup', 'dialog');
  const span = (className: string, content: string) => {
    const el = doc.createElement('span');
    el.className = className;
    el.textContent = content;
    return el;
  };
  button.append(infoMark(doc), span('name', text.name));
  if (text.vendor) button.append(span('vendor', `· ${text.vendor}`));
  if (text.status) button.append(span('status', `· ${text.status}`));
  if (text.factCheck) button.append(span('check', `· ${text.factCheck}`));
  if (text.details.length) button.append(span('detail', `· ${text.details.join(' · ')}`));
  if (pill.model?.status === 'deprecated') button.classList.add('retired');
  return button;
}

/**
 * Rows are built once per distinct content and cloned after that: a feed names the same few
 * models over and over, and one native deep clone costs a fraction of building each node from
 * the content script. Per page; bounded, since pill text can come from the page (fact checks).
 */
const templates = new WeakMap<Document, Map<string, HTMLElement>>();
const MAX_TEMPLATES = 200;

function rowTemplate(doc: Document, options: BadgeRowOptions): HTMLElement {
  const texts = options.pills.map((pill) => pillText(pill, options.style, options.facts));
  const key = JSON.stringify(
    options.pills.map((pill, i) => [
      pill.family.id,
      pill.label,
      pill.model?.status === 'deprecated',
      texts[i],
    ]),
  );
  let byKey = templates.get(doc);
  if (!byKey) templates.set(doc, (byKey = new Map()));
  let template = byKey.get(key);
  if (!template) {
    template = doc.createElement('div');
    template.className = 'row';
    template.setAttribute('role', 'group');
    template.setAttribute('aria-label', message('badgeRowLabel'));
    template.append(...options.pills.map((pill, i) => pillButton(doc, pill, texts[i]!)));
    const saved = doc.createElement('span');
    saved.className = 'saved';
    saved.textContent = message('pillSaved');
    template.append(saved);
    if (byKey.size >= MAX_TEMPLATES) byKey.clear();
    byKey.set(key, template);
  }
  return template;
}

export function createBadgeRow(doc: Document, options: BadgeRowOptions): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  host.setAttribute('data-ff-key', options.postKey);
  host.setAttribute('data-theme', options.theme);
  const root = host.attachShadow({ mode: 'open' });
  applyStyles(doc, root);
  const row = rowTemplate(doc, options).cloneNode(true) as HTMLElement;
  // One listener per row: the pill is found from the event, not bound per button.
  row.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button.ff-pill');
    const index = button ? Array.prototype.indexOf.call(row.children, button) : -1;
    if (index >= 0 && index < options.pills.length) options.onOpen(options.pills[index]!, button!);
  });
  root.append(row);
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, stopPropagation);
  return host;
}
