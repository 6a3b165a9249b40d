// Minimal first detector: alias search with word boundaries; ambiguous aliases need a context word.
// Replaced by the compiled matcher of the detector issue.
import type { Detection } from '../dataset/schema';
import type { Mention } from './types';

export type { Mention } from './types';

export interface Matcher {
  aliases: {
    re: RegExp;
    family: string;
    model: string | null;
    version: string | null;
    ambiguous: boolean;
  }[];
  context: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileMatcher(detection: Detection): Matcher {
  const words = Object.values(detection.contextWords).flat();
  return {
    aliases: detection.aliases.map((a) => ({
      re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(a.text)}(?![\\p{L}\\p{N}])`, 'giu'),
      family: a.family,
      model: a.model ?? null,
      version: a.version ?? null,
      ambiguous: a.ambiguous,
    })),
    context: new RegExp(`(?<![\\p{L}])(${words.map(escape).join('|')})(?![\\p{L}])`, 'iu'),
  };
}

export function detectMentions(text: string, matcher: Matcher): Mention[] {
  const context = matcher.context.exec(text)?.[0] ?? null;
  const mentions: Mention[] = [];
  for (const a of matcher.aliases) {
    if (a.ambiguous && !context) continue;
    for (const m of text.matchAll(a.re)) {
      mentions.push({
        family: a.family,
        modelId: a.model,
        version: a.version,
        alias: m[0],
        start: m.index,
        end: m.index + m[0].length,
        evidence: a.ambiguous ? context : null,
      });
    }
  }
  return mentions.sort((x, y) => x.start - y.start);
}
