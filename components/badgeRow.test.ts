import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { indexDataset, pillsFor } from '@/utils/badges/pills';
import type { Dataset } from '@/utils/dataset/schema';
import { defaultSettings } from '@/utils/settings/defaults';
import { BADGE_ROW_EVENTS, createBadgeRow, onBadgeRowEvent } from './badgeRow';

const dataset = JSON.parse(readFileSync('public/dataset.json', 'utf8')) as Dataset;

function row(mutate?: (d: Dataset) => void, style: 'compact' | 'detailed' = 'compact') {
  const d = structuredClone(dataset);
  mutate?.(d);
  const pills = pillsFor(
    [
      {
        family: 'sora',
        modelId: 'openai-sora-2',
        version: '2',
        alias: 'Sora 2',
        start: 0,
        end: 6,
        evidence: null,
      },
    ],
    indexDataset(d),
  );
  const onOpen = vi.fn();
  const options = {
    pills,
    style,
    facts: { ...defaultSettings.facts, specs: true },
    theme: 'dark' as const,
    postKey: 'x:1',
    onOpen,
  };
  const host = createBadgeRow(document, options);
  document.body.replaceChildren(host);
  return {
    host,
    options,
    pills,
    onOpen,
    button: host.shadowRoot!.querySelector<HTMLButtonElement>('button.ff-pill')!,
  };
}

/** The row's CSS, from its adopted sheet or its own <style>. */
const styleOf = (host: HTMLElement) =>
  host.shadowRoot!.querySelector('style')?.textContent ??
  host
    .shadowRoot!.adoptedStyleSheets.flatMap((sheet) =>
      Array.from(sheet.cssRules, (rule) => rule.cssText),
    )
    .join('\n');

describe('badge row', () => {
  beforeAll(() => {
    for (const type of BADGE_ROW_EVENTS)
      window.addEventListener(type, onBadgeRowEvent, { capture: true });
  });
  afterAll(() => {
    for (const type of BADGE_ROW_EVENTS)
      window.removeEventListener(type, onBadgeRowEvent, { capture: true });
  });

  it('shows a keyboard-reachable pill with the facts summary and retired status', () => {
    const { host, button } = row();
    expect(host.dataset.ffKey).toBe('x:1');
    expect(button.dataset.family).toBe('sora');
    expect(button.textContent).toBe('Sora 2 · OpenAI · US· Retired');
    expect(button.getAttribute('aria-haspopup')).toBe('dialog');
  });

  it('opens the card on click without letting the post see the click', () => {
    const { host, onOpen, button } = row();
    const postClick = vi.fn();
    const pageCapture = vi.fn();
    document.body.addEventListener('click', postClick);
    document.addEventListener('click', pageCapture, { capture: true });
    button.click();
    expect(onOpen).toHaveBeenCalledOnce();
    expect(postClick).not.toHaveBeenCalled();
    expect(pageCapture).not.toHaveBeenCalled();
    document.body.removeEventListener('click', postClick);
    document.removeEventListener('click', pageCapture, { capture: true });
    expect(host.isConnected).toBe(true);
  });

  it("keeps keys pressed on a pill from the page's shortcuts, and leaves other events alone", () => {
    const { button } = row();
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    expect(pageKeys).not.toHaveBeenCalled();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    expect(pageKeys).toHaveBeenCalledOnce();
    document.removeEventListener('keydown', pageKeys);
  });

  it('builds the shadow root itself where a clone does not carry it', () => {
    const attach = Element.prototype.attachShadow;
    const spy = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
      this: Element,
      init: ShadowRootInit,
    ) {
      return attach.call(this, { mode: init.mode });
    });
    try {
      // A style no other test renders, so the template is built under the spy.
      const { host, onOpen, button } = row((d) => {
        d.vendors.find((v) => v.id === 'openai')!.shortName = 'Unclonable Co';
      });
      expect(styleOf(host)).toContain('.ff-pill');
      expect(button.textContent).toContain('Unclonable Co');
      button.click();
      expect(onOpen).toHaveBeenCalledOnce();
    } finally {
      spy.mockRestore();
    }
  });

  it('styles every row, cloned or not, from one adopted sheet', () => {
    const first = row();
    const second = row();
    expect(styleOf(first.host)).toContain('.ff-pill');
    expect(second.host.shadowRoot!.adoptedStyleSheets).toHaveLength(1);
    expect(second.host.shadowRoot!.adoptedStyleSheets[0]).toBe(
      first.host.shadowRoot!.adoptedStyleSheets[0],
    );
    expect(second.host.shadowRoot!.querySelector('style')).toBeNull();
  });

  it("carries a <style> where the content script's world refuses adopted sheets (Firefox)", () => {
    const options = { ...row().options, postKey: 'x:2' };
    const refuse = vi
      .spyOn(ShadowRoot.prototype, 'adoptedStyleSheets', 'set')
      .mockImplementation(() => {
        throw new TypeError('Accessing from Xray wrapper is not supported.');
      });
    try {
      // A page of its own: the choice is made once per page.
      const doc = document.implementation.createHTMLDocument();
      const host = createBadgeRow(doc, options);
      expect(host.shadowRoot!.querySelector('style')?.textContent).toContain('.ff-pill');
      expect(host.shadowRoot!.querySelector('button.ff-pill')).not.toBeNull();
    } finally {
      refuse.mockRestore();
    }
  });

  it('renders hostile dataset text as text, never as markup', () => {
    const { button } = row((d) => {
      d.vendors.find((v) => v.id === 'openai')!.shortName = '<img src=x onerror=alert(1)>';
    });
    expect(button.querySelector('img')).toBeNull();
    expect(button.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('adds release year and specs in the detailed style', () => {
    const { button } = row(undefined, 'detailed');
    expect(button.textContent).toContain('2025');
    expect(button.textContent).toContain('12 s');
  });

  it('gives each post its own nodes and its own pills when the content repeats', () => {
    const first = row();
    const second = row();
    expect(second.button).not.toBe(first.button);
    expect(second.button.textContent).toBe(first.button.textContent);
    document.body.replaceChildren(first.host, second.host);
    second.button.click();
    expect(second.onOpen).toHaveBeenCalledOnce();
    expect(first.onOpen).not.toHaveBeenCalled();
    expect(second.onOpen.mock.calls[0]![1]).toBe(second.button);
    first.button.click();
    expect(first.onOpen.mock.calls[0]![0]).toBe(first.pills[0]);
  });

  it('never reuses a row built for other words', () => {
    expect(row(undefined, 'compact').button.textContent).not.toContain('2025');
    expect(row(undefined, 'detailed').button.textContent).toContain('2025');
    const renamed = row((d) => {
      d.vendors.find((v) => v.id === 'openai')!.shortName = 'Renamed Co';
    });
    expect(renamed.button.textContent).toContain('Renamed Co');
  });
});
