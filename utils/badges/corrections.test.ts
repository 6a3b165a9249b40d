import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Correction, Dataset } from '../dataset/schema';
import type { Mention } from '../detect/types';
import { correctionsFor } from './corrections';

const dataset = JSON.parse(readFileSync('public/dataset.json', 'utf8')) as Dataset;

function mentionOf(text: string, alias: string, family: string): Mention {
  const start = text.indexOf(alias);
  return {
    family,
    modelId: null,
    version: null,
    alias,
    start,
    end: start + alias.length,
    evidence: null,
  };
}

const ids = (text: string, ...mentions: Mention[]) =>
  correctionsFor(text, mentions, dataset.corrections).map((c) => c.id);

describe('correctionsFor', () => {
  it('catches the hype errors the research notes list', () => {
    const pika = 'Chinese companies like Runway and Pika are eating Hollywood';
    expect(ids(pika, mentionOf(pika, 'Runway', 'runway'), mentionOf(pika, 'Pika', 'pika'))).toEqual(
      ['pika-is-us', 'runway-is-us'],
    );
    const kling = "ByteDance's Kling 3.0 just dropped";
    expect(ids(kling, mentionOf(kling, 'Kling 3.0', 'kling'))).toEqual(['kling-is-kuaishou']);
    const sora = 'Sora makes 60-second videos now';
    expect(ids(sora, mentionOf(sora, 'Sora', 'sora'))).toEqual(['sora-not-60-seconds']);
  });

  it('stays quiet when the claim is about something else or far away', () => {
    const fine = 'Pika 2.2 is fun. ' + 'x'.repeat(400) + ' Unrelated: Chinese food tonight';
    expect(ids(fine, mentionOf(fine, 'Pika 2.2', 'pika'))).toEqual([]);
    const town = 'Shot this in Chinatown with Runway Gen-4';
    expect(ids(town, mentionOf(town, 'Runway Gen-4', 'runway'))).toEqual([]);
    const right = 'Kuaishou ships Kling 3.0';
    expect(ids(right, mentionOf(right, 'Kling 3.0', 'kling'))).toEqual([]);
  });

  it('matches CJK claims without word boundaries', () => {
    const zh = '字节的可灵太强了';
    expect(ids(zh, mentionOf(zh, '可灵', 'kling'))).toEqual(['kling-is-kuaishou']);
  });

  it('is driven by the dataset: a new claim applies without code changes', () => {
    const extra: Correction = {
      id: 'test-claim',
      families: ['veo'],
      claims: ['made by Meta'],
      correction: 'Veo is Google’s.',
      sources: ['https://aiwiki.ai/wiki/Veo'],
    };
    const text = 'Veo 3 made by Meta is great';
    expect(
      correctionsFor(text, [mentionOf(text, 'Veo 3', 'veo')], [extra]).map((c) => c.id),
    ).toEqual(['test-claim']);
  });
});
