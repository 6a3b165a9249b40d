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
/* The "i" in a circle, font-independent: a ring with the dot and the stem as two gradients. */
.ff-pill::before { content: ""; flex: none; box-sizing: border-box; width: 12px; height: 12px;
  border: 1.5px solid var(--muted); border-radius: 50%;
  background: linear-gradient(var(--muted), var(--muted)) 50% 1.5px / 2px 2px no-repeat,
    linear-gradient(var(--muted), var(--muted)) 50% 4.25px / 2px 3.75px no-repeat; }
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

/**
 * Our clicks and keys are ours alone: the post around a row navigates on click. One capturing
 * listener per window handles them for every row (startBadges adds it), finding the row in the
 * event's path (our shadow roots are open), so rows need no listeners of their own. Capturing at
 * the window also keeps the page's own capturing listeners on document and body from seeing them.
 */
export const BADGE_ROW_EVENTS = [
  'click',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
] as const;

const HOST_NAME = BADGE_TAG.toUpperCase();
/** What each row's pills open; rows carry no listeners or closures of their own. */
const rowOptions = new WeakMap<Element, BadgeRowOptions>();

export function onBadgeRowEvent(event: Event): void {
  const path = event.composedPath() as Element[];
  const hostAt = path.findIndex((node) => node.nodeName === HOST_NAME);
  if (hostAt < 0) return;
  event.stopPropagation();
  const options = rowOptions.get(path[hostAt]!);
  if (event.type !== 'click' || !options) return;
  const button = path
    .slice(0, hostAt)
    .find((node): node is HTMLButtonElement => node.classList?.contains('ff-pill'));
  const row = button?.parentElement;
  const index = row ? Array.prototype.indexOf.call(row.children, button) : -1;
  if (index >= 0 && index < options.pills.length) options.onOpen(options.pills[index]!, button!);
}

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
  // Name and vendor as one text node (no style of their own): each row is cloned per post, and
  // its cost follows its node count.
  button.append(text.vendor ? `${text.name} · ${text.vendor}` : text.name);
  if (text.status) button.append(span('status', `· ${text.status}`));
  if (text.factCheck) button.append(span('check', `· ${text.factCheck}`));
  if (text.details.length) button.append(span('detail', `· ${text.details.join(' · ')}`));
  if (pill.model?.status === 'deprecated') button.classList.add('retired');
  return button;
}

/**
 * One parsed stylesheet per page, adopted by every row: in Chromium that costs less per row than
 * a <style> in each shadow root, which the browser must take in as every row is inserted. Where a
 * content script may not adopt one (Firefox's content-script wrappers refuse the array), the
 * templates carry a <style> that their clones copy.
 */
const sheets = new WeakMap<Document, CSSStyleSheet | null>();
function adoptSheet(doc: Document, root: ShadowRoot): CSSStyleSheet | null {
  let sheet = sheets.get(doc);
  if (sheet === undefined) {
    // The first row of a page finds out whether adoption works here.
    try {
      sheet = new (doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet)();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch {
      sheet = null;
    }
    sheets.set(doc, sheet);
  } else if (sheet) root.adoptedStyleSheets = [sheet];
  return sheet;
}

/**
 * Rows are built once per distinct content and cloned after that: a feed names the same few
 * models over and over, and one native deep clone of a host with a clonable shadow root costs a
 * fraction of building the row, or even of attaching a shadow root, from the content script. Per
 * page; bounded, since pill text can come from the page (fact checks).
 */
const templates = new WeakMap<Document, Map<string, HTMLElement>>();
const MAX_TEMPLATES = 200;

function hostTemplate(doc: Document, options: BadgeRowOptions): HTMLElement {
  const texts = options.pills.map((pill) => pillText(pill, options.style, options.facts));
  const key = JSON.stringify([
    options.theme,
    options.pills.map((pill, i) => [
      pill.family.id,
      pill.label,
      pill.model?.status === 'deprecated',
      texts[i],
    ]),
  ]);
  let byKey = templates.get(doc);
  if (!byKey) templates.set(doc, (byKey = new Map()));
  let host = byKey.get(key);
  if (!host) {
    host = doc.createElement(BADGE_TAG);
    host.setAttribute('data-theme', options.theme);
    const root = host.attachShadow({ mode: 'open', clonable: true });
    if (!adoptSheet(doc, root)) {
      const style = doc.createElement('style');
      style.textContent = CSS;
      root.append(style);
    }
    const row = doc.createElement('div');
    row.className = 'row';
    row.setAttribute('role', 'group');
    row.setAttribute('aria-label', message('badgeRowLabel'));
    row.append(...options.pills.map((pill, i) => pillButton(doc, pill, texts[i]!)));
    const saved = doc.createElement('span');
    saved.className = 'saved';
    saved.textContent = message('pillSaved');
    row.append(saved);
    root.append(row);
    if (byKey.size >= MAX_TEMPLATES) byKey.clear();
    byKey.set(key, host);
  }
  return host;
}

export function createBadgeRow(doc: Document, options: BadgeRowOptions): HTMLElement {
  const template = hostTemplate(doc, options);
  const host = template.cloneNode(true) as HTMLElement;
  // Browsers without clonable shadow roots clone the bare host.
  if (!host.shadowRoot)
    host
      .attachShadow({ mode: 'open' })
      .append(...Array.from(template.shadowRoot!.childNodes, (node) => node.cloneNode(true)));
  // Adopted sheets are not cloned.
  adoptSheet(doc, host.shadowRoot!);
  host.setAttribute('data-ff-key', options.postKey);
  rowOptions.set(host, options);
  return host;
}
