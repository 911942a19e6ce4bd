/** Show.blockedWords is stored comma-separated and lower-case. */
export const parseBlockedWords = (csv: string): string[] =>
  csv
    .split(",")
    .map((w) => w.trim())
    .filter(Boolean);

export const serializeBlockedWords = (words: string[]): string => [...new Set(words.map((w) => w.trim().toLowerCase()).filter(Boolean))].join(",");

const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").replace(/\s+/gu, " ").toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A test for whole blocked words or phrases, ignoring case, accents and repeated spaces
 * ("Spam!" and "spám" match "spam"; "spammer" does not). Returns the word found, or null. Built once per list.
 */
export function blockedWordMatcher(words: string[]): (text: string) => string | null {
  const folded = words.map(fold).filter(Boolean);
  if (folded.length === 0) return () => null;
  const pattern = new RegExp(`(?:^|[^\\p{L}\\p{N}])(${folded.map(escape).join("|")})(?=$|[^\\p{L}\\p{N}])`, "u");
  return (text) => pattern.exec(fold(text))?.[1] ?? null;
}
