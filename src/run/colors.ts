export type Color = 'green' | 'red' | 'yellow' | 'dim';

const CODES: Readonly<Record<Color, string>> = { green: '32', red: '31', yellow: '33', dim: '2' };

/** ANSI colour only when a person watches a terminal; plain text otherwise (files, CI, JSON). */
export function paint(text: string, color: Color, enabled: boolean): string {
  return enabled ? `\u001b[${CODES[color]}m${text}\u001b[0m` : text;
}
