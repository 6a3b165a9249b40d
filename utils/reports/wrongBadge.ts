// "Wrong badge?": the user flags a badge they think is a mistake. The post is kept on this device
// only (one key per post, like saved posts) so they can export the list as a report.
import { z } from 'zod';

export const REPORT_PREFIX = 'wrongBadge:';
const MAX_TEXT = 5_000;

export const wrongBadgeSchema = z.object({
  key: z.string().min(1).max(300),
  site: z.string().max(30),
  url: z.string().max(2_000).nullable(),
  text: z.string().max(MAX_TEXT),
  /** The families the user says were wrong, with the alias and evidence that produced them. */
  badges: z
    .array(
      z.object({
        family: z.string().max(64),
        alias: z.string().max(200),
        evidence: z.string().max(200).nullable(),
      }),
    )
    .max(50),
  datasetVersion: z.number().int().nullable(),
  reportedAt: z.string().max(40),
});

export type WrongBadgeReport = z.infer<typeof wrongBadgeSchema>;
export type ReportResult =
  | { ok: true }
  | { ok: false; error: 'storage-full' | 'storage-failed' | 'invalid-input'; message: string };

export function reportFromInput(
  input: Omit<WrongBadgeReport, 'reportedAt'>,
  now = new Date(),
): WrongBadgeReport | null {
  const parsed = wrongBadgeSchema.safeParse({
    ...input,
    text: input.text.slice(0, MAX_TEXT),
    reportedAt: now.toISOString(),
  });
  return parsed.success ? parsed.data : null;
}

export async function storeReport(
  input: Omit<WrongBadgeReport, 'reportedAt'>,
): Promise<ReportResult> {
  const report = reportFromInput(input);
  if (!report)
    return { ok: false, error: 'invalid-input', message: 'The report could not be read.' };
  try {
    await browser.storage.local.set({ [REPORT_PREFIX + report.key]: report });
    return { ok: true };
  } catch (error) {
    const full = /quota/i.test(String(error));
    return { ok: false, error: full ? 'storage-full' : 'storage-failed', message: String(error) };
  }
}

export async function listReports(): Promise<WrongBadgeReport[]> {
  const all = await browser.storage.local.get(null);
  return Object.entries(all)
    .filter(([k]) => k.startsWith(REPORT_PREFIX))
    .map(([, v]) => wrongBadgeSchema.safeParse(v))
    .filter((r) => r.success)
    .map((r) => r.data)
    .sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
}

export async function clearReports(): Promise<void> {
  const all = await browser.storage.local.get(null);
  await browser.storage.local.remove(Object.keys(all).filter((k) => k.startsWith(REPORT_PREFIX)));
}

/** A JSON file the user can attach to an issue or send to the maintainers themselves. */
export function reportFile(reports: WrongBadgeReport[], today = new Date()) {
  return {
    filename: `frame-facts-wrong-badges-${today.toISOString().slice(0, 10)}.json`,
    mime: 'application/json',
    text:
      JSON.stringify({ format: 'frame-facts-wrong-badges', version: 1, reports }, null, 2) + '\n',
  };
}
