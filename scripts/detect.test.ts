import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../utils/detect/index';
import { runDetect } from './detect';
import { loadDetection } from './lib/corpus';

const matcher = compileMatcher(loadDetection());

function run(input: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runDetect(
    input,
    matcher,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.map((l) => JSON.parse(l) as Record<string, unknown>), err };
}

describe('detect CLI core', () => {
  it('prints one JSON line per post with sorted labels, versions and mentions', () => {
    const { code, out, err } = run(
      '{"id":"p1","text":"Veo 3 vs Sora 2 vs Kling"}\n\n{"id":7,"text":"Wan Chai dim sum"}\n',
    );
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toEqual([
      {
        id: 'p1',
        labels: ['kling', 'sora', 'veo'],
        versions: ['veo@3', 'sora@2'],
        mentions: [
          {
            family: 'veo',
            modelId: 'google-veo-3',
            version: '3',
            alias: 'Veo 3',
            start: 0,
            end: 5,
          },
          {
            family: 'sora',
            modelId: 'openai-sora-2',
            version: '2',
            alias: 'Sora 2',
            start: 9,
            end: 15,
          },
          { family: 'kling', modelId: null, version: null, alias: 'Kling', start: 19, end: 24 },
        ],
      },
      { id: 7, labels: [], versions: [], mentions: [] },
    ]);
  });

  it('reports bad lines by number, keeps going and returns 1', () => {
    const { code, out, err } = run(
      [
        '{"id":"a","text":"Kling AI"}',
        'not json',
        '{"id":"b"}',
        '[1,2]',
        '{"text":"no id"}',
        '{"id":"c","text":"#veo3"}',
      ].join('\n'),
    );
    expect(code).toBe(1);
    expect(out.map((o) => o.id)).toEqual(['a', 'c']);
    expect(err).toHaveLength(4);
    expect(err[0]).toMatch(/^line 2: not JSON/);
    expect(err[1]).toBe('line 3: "text" must be a string');
    expect(err[2]).toMatch(/^line 4: expected an object/);
    expect(err[3]).toBe('line 5: "id" must be a string or a number');
  });
});

describe('npm run detect', () => {
  it('reads stdin and exits 1 after a bad line', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/detect.ts'], {
      input: '{"id":"x","text":"made with #Sora2"}\n{oops\n',
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout.trim())).toMatchObject({
      id: 'x',
      labels: ['sora'],
      versions: ['sora@2'],
    });
    expect(r.stderr).toMatch(/line 2: not JSON/);
  }, 30_000);
});
