import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { clearReports, listReports, reportFile, storeReport } from './wrongBadge';

const input = {
  key: 'x:1',
  site: 'x',
  url: 'https://x.com/a/status/1',
  text: 'Sora is the best Kingdom Hearts character',
  badges: [{ family: 'sora', alias: 'Sora', evidence: 'character' }],
  datasetVersion: 2026112501,
};

describe('wrong-badge reports', () => {
  it('stores one report per post, lists and exports them, and clears them', async () => {
    expect(await storeReport(input)).toEqual({ ok: true });
    expect(await storeReport({ ...input, text: 'again' })).toEqual({ ok: true });
    const reports = await listReports();
    expect(reports).toHaveLength(1);
    expect(reports[0]!.text).toBe('again');
    const file = reportFile(reports, new Date('2026-11-26T10:00:00Z'));
    expect(file.filename).toBe('frame-facts-wrong-badges-2026-11-26.json');
    expect(JSON.parse(file.text).reports[0].badges[0].family).toBe('sora');
    await clearReports();
    expect(await listReports()).toEqual([]);
  });

  it('caps a huge post and refuses malformed input', async () => {
    expect(await storeReport({ ...input, text: 'x'.repeat(1_000_000) })).toEqual({ ok: true });
    expect((await listReports())[0]!.text).toHaveLength(5_000);
    expect((await storeReport({ ...input, key: '' })).ok).toBe(false);
  });

  it('reports a full storage clearly and keeps what was there', async () => {
    await storeReport(input);
    fakeBrowser.storage.local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    const result = await storeReport({ ...input, key: 'x:2' });
    expect(result).toMatchObject({ ok: false, error: 'storage-full' });
    expect((await listReports()).map((r) => r.key)).toEqual(['x:1']);
  });
});
