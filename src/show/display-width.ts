/**
 * Terminal column widths, so that a table of Japanese text lines up: East Asian Wide and Fullwidth
 * characters take two columns, combining marks none. A small range table instead of a dependency.
 * @see https://www.unicode.org/reports/tr11/ (East Asian Width)
 */

/** [first, last] code points of the Wide (W) and Fullwidth (F) blocks a warehouse is likely to hold. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x231a, 0x231b], // watch, hourglass
  [0x2e80, 0x303e], // CJK radicals, ideographic punctuation (、。「」)
  [0x3041, 0x33ff], // Hiragana, Katakana, CJK symbols and compatibility
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK Compatibility Ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // Fullwidth ASCII (ＡＢＣ１２３) and punctuation; halfwidth katakana follow and are narrow
  [0xffe0, 0xffe6], // Fullwidth signs (￥)
  [0x1f300, 0x1f64f], // pictographs, emoticons
  [0x1f900, 0x1f9ff], // supplemental pictographs
  [0x20000, 0x3fffd], // CJK Extensions B and later
];

/** Zero-width: combining marks, zero-width space/joiners, variation selectors. */
const ZERO: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x200b, 0x200f],
  [0x3099, 0x309a], // combining kana voiced sound marks
  [0xfe00, 0xfe0f],
];

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  for (const [lo, hi] of ranges) {
    if (cp < lo) return false;
    if (cp <= hi) return true;
  }
  return false;
}

/** Columns one code point takes in a terminal: 0, 1 or 2. */
export function charWidth(codePoint: number): number {
  if (inRanges(codePoint, ZERO)) return 0;
  return inRanges(codePoint, WIDE) ? 2 : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0)!);
  return width;
}

export const ELLIPSIS = '…';

/** `text` cut to at most `max` columns, ending with `…` when cut; never splits a surrogate pair. */
export function truncateToWidth(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  const budget = max - displayWidth(ELLIPSIS);
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0)!);
    if (width + w > budget) break;
    out += ch;
    width += w;
  }
  return out + ELLIPSIS;
}

/** Pads with spaces to `width` columns, on the right (left-aligned) or on the left (right-aligned). */
export function padToWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}
