import { describe, expect, it } from 'vitest';
import { BOM, csvField, exportCsv, guardFormula, toCsv } from './export-csv';
import { exportFilename, exportJson } from './export-json';
import { escapeMarkdown, exportMarkdown, toMarkdown } from './export-markdown';
import type { SavedPost } from './types';
import { savedPost } from './testing';

const NOW = new Date('2026-11-26T12:00:00.000Z');

/** A small collection with the awkward cases every format must survive. */
export const goldenPosts: SavedPost[] = [
  savedPost(0, {
    text: 'Veo 3 "cinematic" test, 8s, 1080p\nline two\r\nline three',
    note: 'quote "this", later',
    tags: ['ads', 'review'],
  }),
  savedPost(1, {
    key: 'x:cjk',
    author: '@映像_作家',
    text: '可灵 2.1 で作った動画 🎬🔥 — 很好！',
    models: [
      { family: 'kling', modelId: 'kling-2-1', version: '2.1' },
      { family: 'veo', modelId: null, version: null },
    ],
    platformLabel: 'AI-generated',
  }),
  savedPost(2, {
    key: 'x:formula',
    author: '=HYPERLINK("http://evil.example","click")',
    text: '=1+1',
    note: '+SUM(A1:A9)',
    tags: ['-minus', '@at', '\ttab'.trim()],
    platformLabel: null,
  }),
  savedPost(3, {
    key: 'reddit:t3_md',
    site: 'reddit',
    author: null,
    url: 'https://www.reddit.com/r/aivideo/comments/abc/some_title/?q=<x>#a b',
    text: '# Not a heading\n- not a list\n1. not numbered\n> not a quote\n    not code\n[link](javascript:alert(1)) ![img](https://evil.example/x.png) <script>alert(1)</script> **bold** _em_ `code` &amp; | pipe ~~strike~~ $math$\n---\n',
    models: [{ family: 'sora', modelId: 'sora-2', version: '2' }],
  }),
  savedPost(4, {
    key: 'x:nomodel',
    url: null,
    text: 'No model here, just "text", with commas',
    models: [],
    note: '',
    tags: [],
  }),
];

describe('filenames', () => {
  it('carry the local date', () => {
    expect(exportFilename('json', new Date(2026, 10, 26, 23, 59))).toBe(
      'frame-facts-saved-2026-11-26.json',
    );
    expect(exportJson([], new Date(2026, 0, 5)).filename).toBe('frame-facts-saved-2026-01-05.json');
    expect(exportCsv([], new Date(2026, 0, 5)).filename).toBe('frame-facts-saved-2026-01-05.csv');
    expect(exportMarkdown([], new Date(2026, 0, 5)).filename).toBe(
      'frame-facts-saved-2026-01-05.md',
    );
  });
});

describe('JSON export', () => {
  it('matches the golden file', async () => {
    const file = exportJson(goldenPosts, NOW);
    expect(file.mime).toBe('application/json');
    await expect(file.text).toMatchFileSnapshot('../../tests/fixtures/saved/golden.json');
  });

  it('is complete and versioned', () => {
    const doc = JSON.parse(exportJson(goldenPosts, NOW).text);
    expect(doc).toMatchObject({
      format: 'frame-facts-saved-posts',
      version: 1,
      exportedAt: '2026-11-26T12:00:00.000Z',
    });
    expect(doc.posts).toEqual(goldenPosts);
  });
});

describe('CSV export', () => {
  it('matches the golden file', async () => {
    const file = exportCsv(goldenPosts, NOW);
    expect(file.mime).toBe('text/csv;charset=utf-8');
    await expect(file.text).toMatchFileSnapshot('../../tests/fixtures/saved/golden.csv');
  });

  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    const text = toCsv([savedPost(1, { text: 'plain' })]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.codePointAt(0)).toBe(0xfeff);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.slice(1).split('\r\n')).toHaveLength(3);
    expect(text.slice(1).split('\r\n')[0]).toBe(
      'saved_at,site,author,url,text,models,families,platform_label,has_video,note,tags,dataset_version,updated_at,key',
    );
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['line\nbreak', '"line\nbreak"'],
    ['cr\rlf\r\n', '"cr\rlf\r\n"'],
    ['emoji 🎬👩‍👩‍👧', 'emoji 🎬👩‍👩‍👧'],
    ['可灵，中文', '可灵，中文'],
    ['', ''],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tleading tab', "'\tleading tab"],
    ['\rleading cr', '"\'\rleading cr"'],
    ['=HYPERLINK("x","y")', '"\'=HYPERLINK(""x"",""y"")"'],
    ['a=b', 'a=b'],
    [' =not first', ' =not first'],
  ])('field %j → %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('guards formulas in every column', () => {
    expect(guardFormula('=cmd')).toBe("'=cmd");
    const text = toCsv([goldenPosts[2]!]);
    const record = text.split('\r\n')[1]!;
    expect(record).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(record).toContain(",'=1+1,");
    expect(record).toContain(",'+SUM(A1:A9),");
    expect(record).toContain(",'-minus; @at; tab,");
  });

  it('reads back field by field with an RFC 4180 parser', () => {
    const rows = parseCsv(toCsv(goldenPosts).slice(1));
    expect(rows).toHaveLength(goldenPosts.length + 1);
    expect(rows.every((r) => r.length === 14)).toBe(true);
    expect(rows[1]![4]).toBe(goldenPosts[0]!.text);
    // Handles start with @, so the formula guard marks them as text.
    expect(rows[2]![2]).toBe("'@映像_作家");
    expect(rows[2]![5]).toBe('kling 2.1; veo');
    expect(rows[2]![6]).toBe('kling; veo');
  });
});

/** A strict RFC 4180 reader for the test (records end in CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else if (i >= text.length) {
          throw new Error('unterminated quote');
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && !text.startsWith('\r\n', i)) {
        if (text[i] === '"' || text[i] === '\n' || text[i] === '\r')
          throw new Error(`bare ${text[i]}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i += 1;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`unexpected ${text[i]} at ${i}`);
  }
  return rows;
}

describe('Markdown export', () => {
  it('matches the golden file', async () => {
    const file = exportMarkdown(goldenPosts, NOW, {
      familyNames: { veo: 'Veo', kling: 'Kling', sora: 'Sora', runway: 'Runway' },
    });
    expect(file.mime).toBe('text/markdown;charset=utf-8');
    await expect(file.text).toMatchFileSnapshot('../../tests/fixtures/saved/golden.md');
  });

  it('groups by model family, a post under each of its families, unmatched last', () => {
    const text = toMarkdown(goldenPosts, NOW);
    const headings = text.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## kling (2)',
      '## sora (1)',
      '## veo (2)',
      '## No model detected (1)',
    ]);
  });

  it.each([
    ['*bold* _em_ `code`', '\\*bold\\* \\_em\\_ \\`code\\`'],
    ['[a](javascript:x)', '\\[a\\]\\(javascript:x\\)'],
    ['![i](u)', '\\!\\[i\\]\\(u\\)'],
    ['<script>', '\\<script\\>'],
    ['&amp;', '\\&amp;'],
    ['# h', '\\# h'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. one', '1\\. one'],
    ['2) two', '2\\) two'],
    ['> quote', '\\> quote'],
    ['---', '\\---'],
    ['===', '\\==='],
    ['a | b', 'a \\| b'],
    ['~~s~~', '\\~\\~s\\~\\~'],
    ['$x$', '\\$x\\$'],
    ['back\\slash', 'back\\\\slash'],
    ['two\nlines', 'two lines'],
    ['可灵 🎬', '可灵 🎬'],
  ])('escapes %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('keeps hostile post text inert', () => {
    const text = toMarkdown([goldenPosts[3]!], NOW);
    expect(text).not.toMatch(/<script>/);
    expect(text).not.toMatch(/(?<!\\)\[link\]/);
    expect(text).not.toMatch(/^#(?!#? )/m);
    // Every text line is inside the item's blockquote, none indented enough to be code.
    const quoted = text.split('\n').filter((l) => l.startsWith('  >'));
    expect(quoted).toHaveLength(7);
    expect(quoted.every((l) => !/^ {2}> {4}/.test(l))).toBe(true);
    // The permalink stays one destination: < > and spaces percent-encoded.
    expect(text).toContain(
      '[open post](<https://www.reddit.com/r/aivideo/comments/abc/some_title/?q=%3Cx%3E#a%20b>)',
    );
  });

  it('handles an empty collection', () => {
    expect(toMarkdown([], NOW)).toBe(
      '# Frame Facts: saved posts\n\nExported 2026-11-26T12:00:00.000Z · 0 posts\n\nNo saved posts.\n',
    );
  });
});
