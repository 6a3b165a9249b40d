/** One place in a post's text where a model is named. Offsets are UTF-16 indices into the text. */
export interface Mention {
  family: string;
  modelId: string | null;
  /** Rule 6 of the guidelines: lowercase, tier words dropped ("2", "3.1", "gen-4", "ray2"). */
  version: string | null;
  /** The text as written in the post, e.g. "Veo3". */
  alias: string;
  start: number;
  end: number;
  /** For ambiguous aliases: the context that decided it (a word, a hashtag, a co-mention). */
  evidence: string | null;
}
