/**
 * People's names as a Tokyo PMS stores them: kanji (or the native script), katakana reading and
 * romaji. Foreign residents register their passport name; staff type a katakana reading.
 */
import type { Rng } from './prng';

type Name3 = readonly [string, string, string]; // [script, kana, romaji]

const JP_FAMILY: readonly Name3[] = [
  ['佐藤', 'サトウ', 'Sato'],
  ['鈴木', 'スズキ', 'Suzuki'],
  ['高橋', 'タカハシ', 'Takahashi'],
  ['田中', 'タナカ', 'Tanaka'],
  ['伊藤', 'イトウ', 'Ito'],
  ['渡辺', 'ワタナベ', 'Watanabe'],
  ['山本', 'ヤマモト', 'Yamamoto'],
  ['中村', 'ナカムラ', 'Nakamura'],
  ['小林', 'コバヤシ', 'Kobayashi'],
  ['加藤', 'カトウ', 'Kato'],
  ['吉田', 'ヨシダ', 'Yoshida'],
  ['山田', 'ヤマダ', 'Yamada'],
  ['佐々木', 'ササキ', 'Sasaki'],
  ['山口', 'ヤマグチ', 'Yamaguchi'],
  ['松本', 'マツモト', 'Matsumoto'],
  ['井上', 'イノウエ', 'Inoue'],
  ['木村', 'キムラ', 'Kimura'],
  ['林', 'ハヤシ', 'Hayashi'],
  ['斎藤', 'サイトウ', 'Saito'],
  ['清水', 'シミズ', 'Shimizu'],
  ['山崎', 'ヤマザキ', 'Yamazaki'],
  ['森', 'モリ', 'Mori'],
  ['池田', 'イケダ', 'Ikeda'],
  ['橋本', 'ハシモト', 'Hashimoto'],
  ['阿部', 'アベ', 'Abe'],
  ['石川', 'イシカワ', 'Ishikawa'],
  ['前田', 'マエダ', 'Maeda'],
  ['藤田', 'フジタ', 'Fujita'],
  ['小川', 'オガワ', 'Ogawa'],
  ['岡田', 'オカダ', 'Okada'],
  ['後藤', 'ゴトウ', 'Goto'],
  ['長谷川', 'ハセガワ', 'Hasegawa'],
  ['村上', 'ムラカミ', 'Murakami'],
  ['近藤', 'コンドウ', 'Kondo'],
  ['石井', 'イシイ', 'Ishii'],
  ['坂本', 'サカモト', 'Sakamoto'],
];

const JP_MALE: readonly Name3[] = [
  ['翔太', 'ショウタ', 'Shota'],
  ['大輔', 'ダイスケ', 'Daisuke'],
  ['健太', 'ケンタ', 'Kenta'],
  ['拓也', 'タクヤ', 'Takuya'],
  ['直樹', 'ナオキ', 'Naoki'],
  ['亮', 'リョウ', 'Ryo'],
  ['悠斗', 'ユウト', 'Yuto'],
  ['蓮', 'レン', 'Ren'],
  ['大樹', 'ダイキ', 'Daiki'],
  ['達也', 'タツヤ', 'Tatsuya'],
  ['和也', 'カズヤ', 'Kazuya'],
  ['陽太', 'ヨウタ', 'Yota'],
  ['隼人', 'ハヤト', 'Hayato'],
  ['誠', 'マコト', 'Makoto'],
  ['翼', 'ツバサ', 'Tsubasa'],
  ['海斗', 'カイト', 'Kaito'],
];

const JP_FEMALE: readonly Name3[] = [
  ['美咲', 'ミサキ', 'Misaki'],
  ['さくら', 'サクラ', 'Sakura'],
  ['陽菜', 'ヒナ', 'Hina'],
  ['優花', 'ユウカ', 'Yuka'],
  ['彩', 'アヤ', 'Aya'],
  ['真由', 'マユ', 'Mayu'],
  ['愛', 'アイ', 'Ai'],
  ['奈々', 'ナナ', 'Nana'],
  ['千尋', 'チヒロ', 'Chihiro'],
  ['結衣', 'ユイ', 'Yui'],
  ['麻衣', 'マイ', 'Mai'],
  ['葵', 'アオイ', 'Aoi'],
  ['楓', 'カエデ', 'Kaede'],
  ['明日香', 'アスカ', 'Asuka'],
  ['舞', 'マイ', 'Mai'],
  ['香織', 'カオリ', 'Kaori'],
];

const ZH_FAMILY: readonly Name3[] = [
  ['王', 'ワン', 'Wang'],
  ['李', 'リ', 'Li'],
  ['張', 'チャン', 'Zhang'],
  ['劉', 'リュウ', 'Liu'],
  ['陳', 'チン', 'Chen'],
  ['楊', 'ヤン', 'Yang'],
  ['黄', 'ホアン', 'Huang'],
  ['趙', 'チャオ', 'Zhao'],
  ['周', 'シュウ', 'Zhou'],
  ['林', 'リン', 'Lin'],
];
const ZH_GIVEN: readonly Name3[] = [
  ['偉', 'ウェイ', 'Wei'],
  ['芳', 'ファン', 'Fang'],
  ['静', 'ジン', 'Jing'],
  ['明', 'ミン', 'Ming'],
  ['麗', 'リー', 'Li'],
  ['浩然', 'ハオラン', 'Haoran'],
  ['子涵', 'ズーハン', 'Zihan'],
  ['雨桐', 'ユートン', 'Yutong'],
  ['俊傑', 'ジュンジエ', 'Junjie'],
  ['怡君', 'イージュン', 'Yi-Chun'],
  ['家豪', 'ジアハオ', 'Chia-Hao'],
  ['淑芬', 'シューフェン', 'Shu-Fen'],
];

const KO_FAMILY: readonly Name3[] = [
  ['김', 'キム', 'Kim'],
  ['이', 'イ', 'Lee'],
  ['박', 'パク', 'Park'],
  ['최', 'チェ', 'Choi'],
  ['정', 'チョン', 'Jung'],
  ['강', 'カン', 'Kang'],
  ['윤', 'ユン', 'Yoon'],
  ['장', 'チャン', 'Jang'],
];
const KO_GIVEN: readonly Name3[] = [
  ['민준', 'ミンジュン', 'Minjun'],
  ['서연', 'ソヨン', 'Seoyeon'],
  ['지훈', 'ジフン', 'Jihoon'],
  ['수빈', 'スビン', 'Subin'],
  ['현우', 'ヒョヌ', 'Hyunwoo'],
  ['지은', 'ジウン', 'Jieun'],
  ['도윤', 'ドユン', 'Doyoon'],
  ['하은', 'ハウン', 'Haeun'],
];

type Pair = readonly [string, string]; // [romaji, kana]

const WESTERN_FIRST_M: readonly Pair[] = [
  ['James', 'ジェームズ'],
  ['Lucas', 'ルーカス'],
  ['Thomas', 'トーマス'],
  ['Daniel', 'ダニエル'],
  ['Maximilian', 'マクシミリアン'],
  ['Pierre', 'ピエール'],
  ['Matteo', 'マッテオ'],
  ['Alejandro', 'アレハンドロ'],
  ['Oliver', 'オリバー'],
  ['Liam', 'リアム'],
  ['Noah', 'ノア'],
  ['Jonas', 'ヨナス'],
  ['Ivan', 'イワン'],
  ['Benjamin', 'ベンジャミン'],
  ['Ethan', 'イーサン'],
];
const WESTERN_FIRST_F: readonly Pair[] = [
  ['Emma', 'エマ'],
  ['Sophie', 'ソフィー'],
  ['Olivia', 'オリビア'],
  ['Chloé', 'クロエ'],
  ['Anna', 'アンナ'],
  ['Laura', 'ラウラ'],
  ['Giulia', 'ジュリア'],
  ['Lucía', 'ルシア'],
  ['Charlotte', 'シャーロット'],
  ['Mia', 'ミア'],
  ['Hannah', 'ハンナ'],
  ['Elena', 'エレナ'],
  ['Isabella', 'イザベラ'],
  ['Amelia', 'アメリア'],
  ['Lea', 'レア'],
];
const WESTERN_LAST: readonly Pair[] = [
  ['Smith', 'スミス'],
  ['Johnson', 'ジョンソン'],
  ['Brown', 'ブラウン'],
  ['Martin', 'マルタン'],
  ['Bernard', 'ベルナール'],
  ['Müller', 'ミュラー'],
  ['Schmidt', 'シュミット'],
  ['Rossi', 'ロッシ'],
  ['García', 'ガルシア'],
  ['Wilson', 'ウィルソン'],
  ['Taylor', 'テイラー'],
  ['Dubois', 'デュボワ'],
  ['Fischer', 'フィッシャー'],
  ["O'Brien", 'オブライエン'],
  ['Silva', 'シルバ'],
  ['Novak', 'ノヴァク'],
  ['Andersson', 'アンデション'],
  ['van der Berg', 'ファン・デル・ベルフ'],
  ['Ivanov', 'イワノフ'],
  ['Lopez', 'ロペス'],
];

const SEA_FIRST: readonly Pair[] = [
  ['Minh', 'ミン'],
  ['Thi Lan', 'ティ・ラン'],
  ['Van Nam', 'ヴァン・ナム'],
  ['Maria', 'マリア'],
  ['Jose', 'ホセ'],
  ['Putri', 'プトリ'],
  ['Budi', 'ブディ'],
  ['Somchai', 'ソムチャイ'],
  ['Nurul', 'ヌルル'],
  ['Arjun', 'アルジュン'],
  ['Priya', 'プリヤ'],
  ['Bikash', 'ビカシュ'],
  ['Aung', 'アウン'],
  ['Siti', 'シティ'],
  ['Rahul', 'ラフル'],
];
const SEA_LAST: readonly Pair[] = [
  ['Nguyen', 'グエン'],
  ['Tran', 'チャン'],
  ['Le', 'レ'],
  ['Santos', 'サントス'],
  ['Reyes', 'レイエス'],
  ['Wijaya', 'ウィジャヤ'],
  ['Saetang', 'セータン'],
  ['Tan', 'タン'],
  ['Sharma', 'シャルマ'],
  ['Gurung', 'グルン'],
  ['Kumar', 'クマール'],
  ['Perera', 'ペレラ'],
  ['Htun', 'トゥン'],
  ['Rahman', 'ラーマン'],
  ['Pham', 'ファム'],
];

export interface PersonName {
  readonly script: string | null;
  readonly kana: string;
  readonly romaji: string;
}

const EAST_ASIAN = new Set(['CN', 'TW', 'HK']);
const SEA = new Set(['VN', 'PH', 'ID', 'TH', 'MY', 'SG', 'MM', 'IN', 'NP', 'LK', 'BD']);

/** A name fitting the country (ISO code) and gender (1 male, 2 female). */
export function personName(rng: Rng, country: string, gender: number): PersonName {
  if (country === 'JP') {
    const f = rng.pick(JP_FAMILY);
    const g = rng.pick(gender === 2 ? JP_FEMALE : JP_MALE);
    return { script: `${f[0]} ${g[0]}`, kana: `${f[1]} ${g[1]}`, romaji: `${g[2]} ${f[2].toUpperCase()}` };
  }
  if (EAST_ASIAN.has(country) || country === 'KR') {
    const f = rng.pick(country === 'KR' ? KO_FAMILY : ZH_FAMILY);
    const g = rng.pick(country === 'KR' ? KO_GIVEN : ZH_GIVEN);
    const script = country === 'KR' ? `${f[0]}${g[0]}` : `${f[0]} ${g[0]}`;
    return { script, kana: `${f[1]} ${g[1]}`, romaji: `${f[2].toUpperCase()} ${g[2]}` };
  }
  const sea = SEA.has(country);
  const first = rng.pick(sea ? SEA_FIRST : gender === 2 ? WESTERN_FIRST_F : WESTERN_FIRST_M);
  const last = rng.pick(sea ? SEA_LAST : WESTERN_LAST);
  return { script: null, kana: `${last[1]} ${first[1]}`, romaji: `${first[0]} ${last[0].toUpperCase()}` };
}

/** A mailbox the way people pick them, with the operator's own domain for staff. */
export function emailOf(rng: Rng, romaji: string, id: number): string {
  const base = romaji
    .normalize('NFD')
    .replace(/[^A-Za-z ]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, rng.pick(['.', '_', '']));
  const domain = rng.pick([
    'gmail.com',
    'gmail.com',
    'gmail.com',
    'yahoo.co.jp',
    'outlook.com',
    'icloud.com',
    'hotmail.com',
    'docomo.ne.jp',
    'naver.com',
    'qq.com',
  ]);
  return `${base || 'user'}${rng.chance(0.6) ? id % 1000 : ''}@${domain}`;
}

export function phoneOf(rng: Rng): string {
  return `0${rng.pick(['80', '90', '70'])}-${rng.int(1000, 9999)}-${rng.int(1000, 9999)}`;
}
