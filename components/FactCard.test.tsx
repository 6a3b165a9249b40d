import { readFileSync } from 'node:fs';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { indexDataset, pillsFor } from '@/utils/badges/pills';
import type { Dataset } from '@/utils/dataset/schema';
import type { Mention } from '@/utils/detect/types';
import { FactCard } from './FactCard';
import { useFactCard } from './factCardStore';

vi.mock('@/utils/messaging', () => ({ sendMessage: vi.fn(async () => ({ ok: true, saved: [] })) }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const bundled = JSON.parse(readFileSync('public/dataset.json', 'utf8')) as Dataset;

let root: Root;
let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.replaceChildren(container);
  root = createRoot(container);
  act(() => root.render(<FactCard />));
});
afterEach(() => {
  act(() => useFactCard.getState().close());
  act(() => root.unmount());
});

async function open(
  text: string,
  mention: Mention,
  dataset = bundled,
  returnFocus: HTMLElement | null = null,
) {
  const index = indexDataset(dataset);
  const [pill] = pillsFor([mention], index, text);
  const post = { key: 'x:1', text, author: null, url: null, hasVideo: false, platformLabel: null };
  // Async act: the card's Save button asks the (mocked) background and updates when it answers.
  await act(async () =>
    useFactCard.getState().show({
      pill: pill!,
      post,
      site: 'x',
      allMentions: [mention],
      index,
      theme: 'dark',
      anchor: { top: 0, bottom: 20, left: 0 },
      returnFocus,
    }),
  );
  return container.querySelector<HTMLElement>('[data-testid="ff-card"]')!;
}

const sora2: Mention = {
  family: 'sora',
  modelId: 'openai-sora-2',
  version: '2',
  alias: 'Sora2',
  start: 0,
  end: 5,
  evidence: '#aivideo',
};

describe('FactCard', () => {
  it('shows vendor facts, status, why it matched, sources and as-of', async () => {
    const card = await open('Sora2 is back #aivideo', sora2);
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.dataset.family).toBe('sora');
    expect(card.textContent).toContain('OpenAI');
    expect(card.textContent).toContain('Retired');
    expect(card.textContent).toContain('Matched “Sora2” with context “#aivideo”');
    expect(card.textContent).toContain('Facts as of 2026-11-25');
    expect(card.querySelectorAll('a.ff-source').length).toBeGreaterThan(2);
    expect(document.activeElement).toBe(card);
  });

  it('marks uncertain facts and shows the uncertainty notes', async () => {
    const card = await open('Sora2', sora2);
    expect(card.querySelectorAll('.uncertain').length).toBeGreaterThan(0);
    expect(card.textContent).toContain('What is uncertain');
  });

  it('shows unknown values as unknown, not as a guess', async () => {
    const gen45: Mention = {
      family: 'runway',
      modelId: 'runway-gen-4-5',
      version: 'gen-4.5',
      alias: 'Gen-4.5',
      start: 0,
      end: 7,
      evidence: null,
    };
    const card = await open('Runway Gen-4.5', gen45);
    const audio = [...card.querySelectorAll('.fact')].find((f) =>
      f.textContent?.startsWith('Native audio'),
    );
    expect(audio?.textContent).toBe('Native audioUnknown');
  });

  it('shows the correction when the post repeats a known error', async () => {
    const text = 'Chinese startup Pika Labs is crushing it';
    const pika: Mention = {
      family: 'pika',
      modelId: 'pika-1-0',
      version: null,
      alias: 'Pika Labs',
      start: 16,
      end: 25,
      evidence: null,
    };
    const card = await open(text, pika);
    const correction = card.querySelector('[data-testid="ff-correction"]');
    expect(correction?.textContent).toContain('US company in Palo Alto');
    expect(correction?.querySelector('a.ff-source')?.getAttribute('href')).toMatch(
      /^https:\/\/www\.scmp\.com\//,
    );
  });

  it('renders hostile dataset text inertly and links only https sources', async () => {
    const d = structuredClone(bundled);
    const model = d.models.find((m) => m.id === 'openai-sora-2')!;
    model.notable = '<img src=x onerror="alert(1)">';
    model.sources = ['http://insecure.example/a', 'https://ok.example/b'];
    const card = await open('Sora2', sora2, d);
    expect(card.querySelector('img')).toBeNull();
    expect(card.textContent).toContain('<img src=x onerror="alert(1)">');
    const hrefs = [...card.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('https://ok.example/b');
    expect(hrefs).not.toContain('http://insecure.example/a');
    expect(card.querySelector('.ff-source-text')?.textContent).toBe('http://insecure.example/a');
  });

  it('closes on Escape and gives focus back to the pill', async () => {
    const pill = document.createElement('button');
    document.body.append(pill);
    await open('Sora2', sora2, bundled, pill);
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    });
    expect(container.querySelector('[data-testid="ff-card"]')).toBeNull();
    expect(document.activeElement).toBe(pill);
  });
});
