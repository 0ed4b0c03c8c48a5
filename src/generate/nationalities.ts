/**
 * Nationality as the PMS stores it: free text typed by staff or tenants. Each country has the
 * spellings people really type (English, Japanese, demonym, ISO code); the seed maps each of
 * them, trimmed and lower-cased, to one country.
 *
 * Two rules keep the seed join identical on every engine: non-ASCII forms never change under
 * lower-casing (SQLite's LOWER only folds ASCII), and no two variants are equal under a
 * case/accent/width/kana-insensitive collation such as utf8mb4_0900_ai_ci (a join would fan out).
 */

export interface Country {
  readonly code: string;
  readonly name: string;
  readonly nameJa: string;
  readonly region: string;
  /** Share of tenants, in per mille. */
  readonly weight: number;
  /** Display forms, most frequent first. */
  readonly forms: readonly string[];
}

const c = (
  code: string,
  name: string,
  nameJa: string,
  region: string,
  weight: number,
  forms: readonly string[],
): Country => ({ code, name, nameJa, region, weight, forms });

export const COUNTRIES: readonly Country[] = [
  c('JP', 'Japan', '日本', 'Japan', 300, ['Japan', '日本', 'Japanese', 'JPN', 'JP', '日本国']),
  c('CN', 'China', '中国', 'East Asia', 80, ['China', '中国', 'Chinese', 'CHN', '中華人民共和国', 'PRC']),
  c('KR', 'South Korea', '韓国', 'East Asia', 70, [
    'South Korea',
    '韓国',
    'Korean',
    'Korea',
    'KOR',
    '大韓民国',
    'Republic of Korea',
  ]),
  c('TW', 'Taiwan', '台湾', 'East Asia', 55, ['Taiwan', '台湾', 'Taiwanese', 'TWN']),
  c('HK', 'Hong Kong', '香港', 'East Asia', 10, ['Hong Kong', '香港', 'HongKong', 'HKG']),
  c('MN', 'Mongolia', 'モンゴル', 'East Asia', 5, ['Mongolia', 'モンゴル', 'Mongolian', 'MNG']),
  c('US', 'United States', 'アメリカ', 'North America', 60, [
    'USA',
    'アメリカ',
    'United States',
    'American',
    'US',
    '米国',
    'United States of America',
    'アメリカ合衆国',
  ]),
  c('CA', 'Canada', 'カナダ', 'North America', 18, ['Canada', 'カナダ', 'Canadian', 'CAN']),
  c('MX', 'Mexico', 'メキシコ', 'Latin America', 7, ['Mexico', 'メキシコ', 'Mexican', 'MEX']),
  c('BR', 'Brazil', 'ブラジル', 'Latin America', 8, ['Brazil', 'ブラジル', 'Brasil', 'Brazilian', 'BRA']),
  c('GB', 'United Kingdom', 'イギリス', 'Europe', 40, [
    'UK',
    'イギリス',
    'United Kingdom',
    'British',
    'England',
    '英国',
    'Great Britain',
    'GBR',
  ]),
  c('FR', 'France', 'フランス', 'Europe', 55, ['France', 'フランス', 'French', 'FRA']),
  c('DE', 'Germany', 'ドイツ', 'Europe', 40, ['Germany', 'ドイツ', 'German', 'Deutschland', 'DEU', 'GER']),
  c('IT', 'Italy', 'イタリア', 'Europe', 20, ['Italy', 'イタリア', 'Italian', 'ITA']),
  c('ES', 'Spain', 'スペイン', 'Europe', 18, ['Spain', 'スペイン', 'Spanish', 'ESP']),
  c('NL', 'Netherlands', 'オランダ', 'Europe', 8, [
    'Netherlands',
    'オランダ',
    'The Netherlands',
    'Holland',
    'Dutch',
    'NLD',
  ]),
  c('SE', 'Sweden', 'スウェーデン', 'Europe', 7, ['Sweden', 'スウェーデン', 'Swedish', 'SWE']),
  c('PL', 'Poland', 'ポーランド', 'Europe', 5, ['Poland', 'ポーランド', 'Polish', 'POL']),
  c('RU', 'Russia', 'ロシア', 'Europe', 10, ['Russia', 'ロシア', 'Russian', 'RUS']),
  c('VN', 'Vietnam', 'ベトナム', 'Southeast Asia', 35, [
    'Vietnam',
    'ベトナム',
    'Viet Nam',
    'Vietnamese',
    'VNM',
  ]),
  c('PH', 'Philippines', 'フィリピン', 'Southeast Asia', 18, [
    'Philippines',
    'フィリピン',
    'Filipino',
    'PHL',
  ]),
  c('ID', 'Indonesia', 'インドネシア', 'Southeast Asia', 18, [
    'Indonesia',
    'インドネシア',
    'Indonesian',
    'IDN',
  ]),
  c('TH', 'Thailand', 'タイ', 'Southeast Asia', 20, ['Thailand', 'タイ', 'Thai', 'THA']),
  c('MY', 'Malaysia', 'マレーシア', 'Southeast Asia', 10, ['Malaysia', 'マレーシア', 'Malaysian', 'MYS']),
  c('SG', 'Singapore', 'シンガポール', 'Southeast Asia', 8, [
    'Singapore',
    'シンガポール',
    'Singaporean',
    'SGP',
  ]),
  c('MM', 'Myanmar', 'ミャンマー', 'Southeast Asia', 6, ['Myanmar', 'ミャンマー', 'Burma', 'MMR']),
  c('IN', 'India', 'インド', 'South Asia', 20, ['India', 'インド', 'Indian', 'IND']),
  c('NP', 'Nepal', 'ネパール', 'South Asia', 10, ['Nepal', 'ネパール', 'Nepali', 'NPL']),
  c('LK', 'Sri Lanka', 'スリランカ', 'South Asia', 5, ['Sri Lanka', 'スリランカ', 'Sri Lankan', 'LKA']),
  c('BD', 'Bangladesh', 'バングラデシュ', 'South Asia', 4, ['Bangladesh', 'バングラデシュ', 'BGD']),
  c('UZ', 'Uzbekistan', 'ウズベキスタン', 'Central Asia', 5, [
    'Uzbekistan',
    'ウズベキスタン',
    'Uzbek',
    'UZB',
  ]),
  c('AU', 'Australia', 'オーストラリア', 'Oceania', 25, ['Australia', 'オーストラリア', 'Australian', 'AUS']),
  c('NZ', 'New Zealand', 'ニュージーランド', 'Oceania', 8, ['New Zealand', 'ニュージーランド', 'NZL']),
  c('TR', 'Turkey', 'トルコ', 'Middle East & Africa', 4, ['Turkey', 'トルコ', 'Türkiye', 'TUR']),
  c('EG', 'Egypt', 'エジプト', 'Middle East & Africa', 3, ['Egypt', 'エジプト', 'Egyptian', 'EGY']),
  c('NG', 'Nigeria', 'ナイジェリア', 'Middle East & Africa', 3, [
    'Nigeria',
    'ナイジェリア',
    'Nigerian',
    'NGA',
  ]),
];

/** Values staff typed that name no country: they decode to `Unknown`. */
export const NATIONALITY_UNMAPPED: readonly string[] = [
  '不明',
  '外国籍',
  'Other',
  'N/A',
  '-',
  'foreign',
  'Earth',
  'Asia',
  '',
];

/** Seed rows: variant (trimmed, lower-cased) and its country. */
export function nationalityVariants(): readonly { variant: string; country: Country }[] {
  const out: { variant: string; country: Country }[] = [];
  for (const country of COUNTRIES) {
    for (const form of country.forms) out.push({ variant: form.trim().toLowerCase(), country });
  }
  return out;
}
