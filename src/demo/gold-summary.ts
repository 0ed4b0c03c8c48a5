import type { Adapter } from '../adapters/adapter';
import type { Manifest } from '../core/types';
import { formatPreviewTable } from '../show';

/** The layer whose tables people read: models under models/gold (fqn folder `gold`). */
export function goldModels(manifest: Manifest): { name: string; schema: string; alias: string }[] {
  return Object.values(manifest.nodes)
    .filter(
      (n) => n.resourceType === 'model' && n.fqn.includes('gold') && n.config.materialized !== 'ephemeral',
    )
    .map((n) => ({ name: n.name, schema: n.schema, alias: n.alias }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A short look at gold: the rows of every gold table, then the last 30 days of the daily activity summary
 * by tenant type (when the project has it). Read from the warehouse, so it shows what dashboards would.
 */
export async function goldSummary(adapter: Adapter, manifest: Manifest, asOf: string): Promise<string> {
  const tables = goldModels(manifest);
  const counts: Record<string, unknown>[] = [];
  for (const t of tables) {
    const rel = adapter.quoteRelation({ schema: t.schema, name: t.alias });
    const { rows } = await adapter.execute(`SELECT COUNT(*) AS n FROM ${rel}`);
    counts.push({ table: `${t.schema}.${t.alias}`, rows: Number(rows[0].n) });
  }
  const parts = ['Gold tables:', formatPreviewTable({ columns: ['table', 'rows'], rows: counts })];
  const daily = tables.find((t) => t.name === 'daily_activity_summary');
  if (daily) {
    const rel = adapter.quoteRelation({ schema: daily.schema, name: daily.alias });
    const cols = ['inquiries', 'applications', 'contracts_signed', 'move_ins', 'move_outs'];
    const sums = cols
      .map((c) => `SUM(${adapter.quoteIdentifier(c)}) AS ${adapter.quoteIdentifier(c)}`)
      .join(', ');
    const { rows } = await adapter.execute(
      `SELECT tenant_type, ${sums} FROM ${rel} WHERE activity_date > ? AND activity_date <= ? GROUP BY tenant_type ORDER BY tenant_type`,
      [daysBefore(asOf, 30), asOf],
    );
    parts.push(
      `Last 30 days through ${asOf}, by tenant type:`,
      formatPreviewTable({ columns: ['tenant_type', ...cols], rows: rows.map(numbers) }),
    );
  }
  return parts.join('\n');
}

function numbers(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k,
      typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v,
    ]),
  );
}

function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}
