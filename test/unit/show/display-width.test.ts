import { charWidth, displayWidth, padToWidth, truncateToWidth } from '../../../src/show/display-width';

describe('displayWidth', () => {
  it('counts kanji, kana and full-width forms as two columns, half-width kana as one', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('佐藤')).toBe(4);
    expect(displayWidth('シェアハウス')).toBe(12);
    expect(displayWidth('ＡＢ１')).toBe(6);
    expect(displayWidth('ｼｪｱ')).toBe(3);
    expect(displayWidth('東京 Beta、')).toBe(4 + 1 + 4 + 2);
  });

  it('counts a surrogate-pair ideograph once, as two columns, and combining marks as none', () => {
    expect(displayWidth('𠮷')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(charWidth(0x3099)).toBe(0);
  });
});

describe('truncateToWidth', () => {
  it('leaves text that fits alone', () => {
    expect(truncateToWidth('abcde', 5)).toBe('abcde');
    expect(truncateToWidth('佐藤', 4)).toBe('佐藤');
  });

  it('cuts to the width with an ellipsis', () => {
    expect(truncateToWidth('abcdefgh', 5)).toBe('abcd…');
    expect(displayWidth(truncateToWidth('abcdefgh', 5))).toBe(5);
  });

  it('never exceeds the width when a wide character would straddle it', () => {
    // 4 columns of budget before the ellipsis: two kanji fit, the third would need columns 5-6.
    const cut = truncateToWidth('東京都渋谷区', 6);
    expect(cut).toBe('東京…');
    expect(displayWidth(cut)).toBe(5);
  });

  it('keeps surrogate pairs whole', () => {
    expect(truncateToWidth('𠮷𠮷𠮷', 4)).toBe('𠮷…');
  });
});

describe('padToWidth', () => {
  it('pads by display width, left or right', () => {
    expect(padToWidth('佐藤', 6)).toBe('佐藤  ');
    expect(padToWidth('12', 5, 'right')).toBe('   12');
    expect(padToWidth('toolong', 3)).toBe('toolong');
  });
});
