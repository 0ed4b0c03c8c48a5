/**
 * Free text as staff and prospects type it. A share of it carries what breaks naive loaders:
 * emoji (4-byte UTF-8), half-width katakana, CR/LF, tabs, quotes, backslashes (Windows paths,
 * yen signs typed on a Japanese keyboard), NUL bytes and Ctrl-Z pasted from other programs.
 */
import type { Rng } from '../prng';

export const SPECIAL_TEXT: Readonly<Record<string, string>> = {
  emoji: ' 😊🏠 ',
  halfwidth_kana: ' ｹｲﾔｸｼｮ ﾐﾃｲｼｭﾂ ',
  newline: '\n',
  crlf: '\r\n',
  tab: '\t',
  single_quote: " it's ",
  double_quote: ' "OK" ',
  backslash: ' C:\\Users\\staff\\keiyaku.pdf ',
  nul: '\0',
  ctrl_z: '\x1a',
};
export const SPECIAL_KINDS = Object.keys(SPECIAL_TEXT);

const STAFF_NOTES: readonly string[] = [
  '支払いは毎月27日に口座振替。',
  '日本語OK。英語でのやり取り希望。',
  'Prefers English. 夜勤あり。',
  '鍵2本お渡し済み。',
  '騒音のクレームあり（1回目）。注意済み。',
  '保証会社審査OK。',
  '在留カード更新予定 → コピー再提出依頼中。',
  'Would like to transfer to another house next spring.',
  '家賃の支払いが2回遅延。',
  'Bicycle parking requested.',
  '退去時クリーニング費用説明済み。',
  '友人の紹介。キャンペーン適用。',
  '入居前に内見済み。',
  '法人担当者: 総務部 田中様',
  'Asked about Wi-Fi speed; router replaced.',
];

const PROSPECT_MESSAGES: readonly string[] = [
  '来月から入居可能なお部屋はありますか？',
  'Hello, I am coming to Tokyo for a language school in April. Is a room available?',
  '内見を希望します。土日でお願いします。',
  'Can I pay the rent by credit card?',
  '女性専用のハウスを探しています。',
  'Is it possible to stay for 3 months only?',
  '会社の寮として2部屋お借りしたいです。',
  'I would like to know the initial costs.',
  '駅から近い物件を希望します。予算は6万円です。',
  'Do you accept working holiday visa holders?',
];

export function staffNote(rng: Rng): string {
  return rng.pick(STAFF_NOTES);
}

export function prospectMessage(rng: Rng): string {
  return rng.pick(PROSPECT_MESSAGES);
}

/**
 * Text with special pieces spliced in: `force` (one kind, so every kind appears at least once)
 * plus one or two random ones. Returns the kinds used.
 */
export function messyText(
  rng: Rng,
  base: string,
  force: string | undefined,
): { text: string; kinds: string[] } {
  const kinds = new Set<string>(force ? [force] : []);
  const extra = rng.int(1, 2);
  for (let i = 0; i < extra; i++) kinds.add(rng.pick(SPECIAL_KINDS));
  let text = base;
  for (const k of kinds) {
    let at = rng.int(0, text.length);
    // Never split an emoji's surrogate pair.
    if (at > 0 && at < text.length && isLowSurrogate(text.charCodeAt(at))) at++;
    text = text.slice(0, at) + SPECIAL_TEXT[k] + text.slice(at);
  }
  return { text, kinds: [...kinds] };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
