// Builds the detector's rules (aliases, context words, vetoes) from the research aliases and
// data/detection.json. Owned by the detector work; see utils/detect/.
import type { Detection } from '../../utils/dataset/schema.ts';
import type { Research } from './research.ts';

export interface DetectionSource {
  contextWords: Record<string, string[]>;
  negativeContext: string[];
}

export function buildDetection(research: Research, source: DetectionSource): Detection {
  const aliases = research.models.flatMap((m) =>
    m.aliases.map((text) => ({ text, family: m.family, model: m.id, ambiguous: m.ambiguous })),
  );
  return { aliases, contextWords: source.contextWords, negativeContext: source.negativeContext };
}
