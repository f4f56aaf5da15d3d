// Close partner names for the import's "not registered — did you mean …?" message. Pure: the same
// measure as PostgreSQL's pg_trgm similarity() (trigrams of each word padded with two spaces before
// and one after; |A ∩ B| / |A ∪ B|), so "PT. Bank Sukamaju" finds "PT Bank Sukamaju".

export function normalizeName(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
}

function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of normalizeName(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) out.add(padded.slice(i, i + 3));
  }
  return out;
}

export function similarity(a: string, b: string): number {
  return setSimilarity(trigrams(a), trigrams(b));
}

function setSimilarity(ta: Set<string>, tb: Set<string>): number {
  if (ta.size === 0 || tb.size === 0) return 0;
  let common = 0;
  for (const t of ta) if (tb.has(t)) common += 1;
  return common / (ta.size + tb.size - common);
}

/**
 * A matcher over `names` (trigrams computed once): up to `limit` names at least `threshold` similar
 * to the one asked for, most similar first.
 */
export function closeMatcher(names: readonly string[], threshold = 0.45, limit = 3): (name: string) => { name: string; score: number }[] {
  const index = names.map((n) => ({ n, t: trigrams(n) }));
  return (name) => {
    const t = trigrams(name);
    return index
      .map((x) => ({ name: x.n, score: setSimilarity(t, x.t) }))
      .filter((x) => x.score >= threshold)
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
      .slice(0, limit);
  };
}
