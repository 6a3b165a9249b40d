/** One place in a post's text where a model is named. Offsets are UTF-16 indices into the text. */
export interface Mention {
  family: string;
  /** The research model the alias or its version points to (dataset `models[].id`). */
  modelId: string | null;
  /** Rule 6 of the guidelines: lowercase, tier words dropped ("2", "3.1", "gen-4", "ray2"). */
  version: string | null;
  /** The text as written in the post, version included, e.g. "Veo3" or "Kling 2.1". */
  alias: string;
  start: number;
  end: number;
  /**
   * What decided an ambiguous alias: a context word as written ("prompt", "#aivideo"), the
   * version written after it ("Sora 2"), another mention of the family ("#veo3"), a co-mentioned
   * model ("co-mention: Kling 2.1"), or for a bare version the mention it refers back to
   * ("after Kling 2.5"). null for aliases that are never ambiguous.
   */
  evidence: string | null;
}
