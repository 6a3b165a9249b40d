// Validates untrusted dataset JSON: the schema, then the references between its parts.
import { datasetSchema, type Dataset } from './schema';

export type ParseResult = { ok: true; dataset: Dataset } | { ok: false; error: string };

function crossReferenceErrors(d: Dataset): string[] {
  const errors: string[] = [];
  const families = new Set(d.families.map((f) => f.id));
  const vendors = new Set(d.vendors.map((v) => v.id));
  const models = new Set(d.models.map((m) => m.id));
  const unique = (kind: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const i of ids) {
      if (seen.has(i)) errors.push(`duplicate ${kind} id "${i}"`);
      seen.add(i);
    }
  };
  unique(
    'family',
    d.families.map((f) => f.id),
  );
  unique(
    'vendor',
    d.vendors.map((v) => v.id),
  );
  unique(
    'model',
    d.models.map((m) => m.id),
  );
  for (const f of d.families)
    if (!vendors.has(f.vendor)) errors.push(`family ${f.id}: unknown vendor "${f.vendor}"`);
  for (const m of d.models) {
    if (!families.has(m.family)) errors.push(`model ${m.id}: unknown family "${m.family}"`);
    if (!vendors.has(m.vendor)) errors.push(`model ${m.id}: unknown vendor "${m.vendor}"`);
  }
  for (const a of d.detection.aliases) {
    if (!families.has(a.family)) errors.push(`alias "${a.text}": unknown family "${a.family}"`);
    if (a.model && !models.has(a.model))
      errors.push(`alias "${a.text}": unknown model "${a.model}"`);
  }
  for (const c of d.corrections)
    for (const f of c.families)
      if (!families.has(f)) errors.push(`correction ${c.id}: unknown family "${f}"`);
  return errors;
}

export function parseDataset(json: unknown): ParseResult {
  const parsed = datasetSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.join('.') || '(root)';
    return {
      ok: false,
      error: `dataset invalid at ${where}: ${first?.message ?? 'unknown error'}`,
    };
  }
  const errors = crossReferenceErrors(parsed.data);
  if (errors.length)
    return { ok: false, error: `dataset invalid: ${errors.slice(0, 5).join('; ')}` };
  return { ok: true, dataset: parsed.data };
}
