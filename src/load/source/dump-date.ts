/** `gghouse_20260205.sql[.gz]` → `2026-02-05`; null when the name carries no valid date. */
export function dumpDateFromName(name: string): string | null {
  const m = /_(\d{4})(\d{2})(\d{2})\.sql(\.gz)?$/i.exec(name);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** The newest `*_YYYYMMDD.sql[.gz]` of a listing: by the date in the name, then the key (ties are reproducible). */
export function latestDumpKey(keys: readonly string[]): string | null {
  let best: { key: string; date: string } | null = null;
  for (const key of keys) {
    const date = dumpDateFromName(key);
    if (date === null) continue;
    if (!best || date > best.date || (date === best.date && key > best.key)) best = { key, date };
  }
  return best?.key ?? null;
}
