/**
 * How one database value reads in a preview. Drivers answer different JS types for the same SQL type
 * (mysql2: DECIMAL as a string, JSON as an object, BLOB as a Buffer; better-sqlite3: BLOB as a Buffer),
 * so the mapping is by JS type, the same for every engine.
 */

/** One line of text for a table cell; NULL reads `null` as in dbt's preview. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return oneLine(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof Uint8Array) return hex(value);
  return oneLine(JSON.stringify(value) ?? String(value));
}

/** A value JSON.stringify can write without throwing (BigInt) or dumping bytes as arrays (Buffer). */
export function jsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (value instanceof Uint8Array) return hex(value);
  return value ?? null;
}

/** A right-aligned column: numbers, and the decimal strings drivers return for DECIMAL. */
export function isNumeric(value: unknown): boolean {
  if (typeof value === 'number' || typeof value === 'bigint') return true;
  return typeof value === 'string' && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value);
}

/** Line breaks would tear the table apart: shown as `↵`, other control characters as a space. */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\n\r]/g, '↵').replace(/[\u0000-\u001f\u007f]/g, ' ');
}

function hex(bytes: Uint8Array): string {
  return '0x' + Buffer.from(bytes).toString('hex');
}
