/**
 * Where the share houses are: Tokyo's wards and the commuter cities around them, at their
 * approximate centres, with a typical share-house rent for a 10 m² room and a few neighbourhoods.
 */

export interface Neighbourhood {
  readonly ja: string;
  readonly en: string;
}

export interface Municipality {
  readonly prefecture: string;
  readonly name: string;
  readonly nameEn: string;
  readonly lat: number;
  readonly lng: number;
  /** First three digits of the postal code. */
  readonly postal: string;
  /** Monthly rent (yen) of a 10 m² room here. */
  readonly baseRent: number;
  /** Relative number of share houses. */
  readonly weight: number;
  readonly areas: readonly Neighbourhood[];
}

const n = (ja: string, en: string): Neighbourhood => ({ ja, en });
const TOKYO = '東京都';

const m = (
  prefecture: string,
  name: string,
  nameEn: string,
  lat: number,
  lng: number,
  postal: string,
  baseRent: number,
  weight: number,
  areas: readonly Neighbourhood[],
): Municipality => ({ prefecture, name, nameEn, lat, lng, postal, baseRent, weight, areas });

export const MUNICIPALITIES: readonly Municipality[] = [
  m(TOKYO, '新宿区', 'Shinjuku', 35.6938, 139.7034, '160', 73000, 14, [
    n('高田馬場', 'Takadanobaba'),
    n('大久保', 'Okubo'),
    n('早稲田', 'Waseda'),
    n('落合', 'Ochiai'),
  ]),
  m(TOKYO, '中野区', 'Nakano', 35.7074, 139.6638, '164', 65000, 16, [
    n('中野', 'Nakano'),
    n('東中野', 'Higashi-Nakano'),
    n('新井薬師', 'Arai-Yakushi'),
    n('中野新橋', 'Nakano-Shimbashi'),
  ]),
  m(TOKYO, '杉並区', 'Suginami', 35.6995, 139.6364, '166', 62000, 14, [
    n('高円寺', 'Koenji'),
    n('阿佐ヶ谷', 'Asagaya'),
    n('荻窪', 'Ogikubo'),
    n('西荻窪', 'Nishi-Ogikubo'),
  ]),
  m(TOKYO, '豊島区', 'Toshima', 35.7263, 139.7161, '171', 67000, 12, [
    n('池袋', 'Ikebukuro'),
    n('大塚', 'Otsuka'),
    n('目白', 'Mejiro'),
    n('椎名町', 'Shiinamachi'),
  ]),
  m(TOKYO, '渋谷区', 'Shibuya', 35.664, 139.6982, '150', 84000, 8, [
    n('代々木', 'Yoyogi'),
    n('笹塚', 'Sasazuka'),
    n('恵比寿', 'Ebisu'),
    n('幡ヶ谷', 'Hatagaya'),
  ]),
  m(TOKYO, '世田谷区', 'Setagaya', 35.6466, 139.6532, '154', 67000, 13, [
    n('三軒茶屋', 'Sangenjaya'),
    n('下北沢', 'Shimokitazawa'),
    n('経堂', 'Kyodo'),
    n('二子玉川', 'Futako-Tamagawa'),
  ]),
  m(TOKYO, '目黒区', 'Meguro', 35.6413, 139.6982, '153', 78000, 6, [
    n('学芸大学', 'Gakugei-Daigaku'),
    n('中目黒', 'Naka-Meguro'),
    n('自由が丘', 'Jiyugaoka'),
  ]),
  m(TOKYO, '港区', 'Minato', 35.6581, 139.7516, '106', 92000, 4, [
    n('白金', 'Shirokane'),
    n('三田', 'Mita'),
    n('麻布十番', 'Azabu-Juban'),
  ]),
  m(TOKYO, '品川区', 'Shinagawa', 35.6092, 139.7302, '141', 71000, 8, [
    n('大井町', 'Oimachi'),
    n('戸越', 'Togoshi'),
    n('五反田', 'Gotanda'),
    n('武蔵小山', 'Musashi-Koyama'),
  ]),
  m(TOKYO, '大田区', 'Ota', 35.5613, 139.716, '143', 59000, 9, [
    n('蒲田', 'Kamata'),
    n('大森', 'Omori'),
    n('池上', 'Ikegami'),
  ]),
  m(TOKYO, '文京区', 'Bunkyo', 35.7081, 139.7524, '112', 71000, 6, [
    n('本郷', 'Hongo'),
    n('茗荷谷', 'Myogadani'),
    n('千石', 'Sengoku'),
  ]),
  m(TOKYO, '台東区', 'Taito', 35.7126, 139.7799, '110', 65000, 7, [
    n('浅草', 'Asakusa'),
    n('上野', 'Ueno'),
    n('蔵前', 'Kuramae'),
    n('入谷', 'Iriya'),
  ]),
  m(TOKYO, '墨田区', 'Sumida', 35.7107, 139.8015, '130', 60000, 7, [
    n('錦糸町', 'Kinshicho'),
    n('押上', 'Oshiage'),
    n('曳舟', 'Hikifune'),
  ]),
  m(TOKYO, '江東区', 'Koto', 35.6728, 139.8171, '135', 63000, 7, [
    n('門前仲町', 'Monzen-Nakacho'),
    n('清澄白河', 'Kiyosumi-Shirakawa'),
    n('東陽町', 'Toyocho'),
  ]),
  m(TOKYO, '北区', 'Kita', 35.7528, 139.7336, '114', 57000, 9, [
    n('赤羽', 'Akabane'),
    n('王子', 'Oji'),
    n('十条', 'Jujo'),
  ]),
  m(TOKYO, '板橋区', 'Itabashi', 35.7512, 139.7093, '173', 54000, 10, [
    n('大山', 'Oyama'),
    n('成増', 'Narimasu'),
    n('板橋区役所前', 'Itabashi-Kuyakushomae'),
  ]),
  m(TOKYO, '練馬区', 'Nerima', 35.7356, 139.6517, '176', 54000, 10, [
    n('練馬', 'Nerima'),
    n('江古田', 'Ekoda'),
    n('石神井公園', 'Shakujii-Koen'),
    n('大泉学園', 'Oizumi-Gakuen'),
  ]),
  m(TOKYO, '荒川区', 'Arakawa', 35.7363, 139.7834, '116', 55000, 5, [
    n('日暮里', 'Nippori'),
    n('町屋', 'Machiya'),
    n('南千住', 'Minami-Senju'),
  ]),
  m(TOKYO, '足立区', 'Adachi', 35.7751, 139.8046, '120', 49000, 6, [
    n('北千住', 'Kita-Senju'),
    n('西新井', 'Nishiarai'),
    n('綾瀬', 'Ayase'),
  ]),
  m(TOKYO, '葛飾区', 'Katsushika', 35.7434, 139.8472, '124', 49000, 4, [
    n('亀有', 'Kameari'),
    n('金町', 'Kanamachi'),
    n('新小岩', 'Shin-Koiwa'),
  ]),
  m(TOKYO, '江戸川区', 'Edogawa', 35.7066, 139.8683, '132', 51000, 5, [
    n('葛西', 'Kasai'),
    n('小岩', 'Koiwa'),
    n('船堀', 'Funabori'),
  ]),
  m(TOKYO, '千代田区', 'Chiyoda', 35.6938, 139.7535, '101', 86000, 1, [
    n('神田', 'Kanda'),
    n('飯田橋', 'Iidabashi'),
  ]),
  m(TOKYO, '中央区', 'Chuo', 35.6707, 139.772, '104', 84000, 2, [
    n('月島', 'Tsukishima'),
    n('人形町', 'Ningyocho'),
  ]),
  m(TOKYO, '武蔵野市', 'Musashino', 35.7178, 139.5661, '180', 63000, 4, [
    n('吉祥寺', 'Kichijoji'),
    n('三鷹', 'Mitaka'),
    n('武蔵境', 'Musashi-Sakai'),
  ]),
  m(TOKYO, '三鷹市', 'Mitaka', 35.6836, 139.5595, '181', 56000, 3, [
    n('下連雀', 'Shimorenjaku'),
    n('井の頭', 'Inokashira'),
  ]),
  m(TOKYO, '調布市', 'Chofu', 35.6506, 139.5407, '182', 52000, 3, [n('調布', 'Chofu'), n('仙川', 'Sengawa')]),
  m(TOKYO, '府中市', 'Fuchu', 35.6689, 139.4776, '183', 49000, 2, [
    n('府中', 'Fuchu'),
    n('分倍河原', 'Bubaigawara'),
  ]),
  m(TOKYO, '国分寺市', 'Kokubunji', 35.7109, 139.4622, '185', 49000, 2, [
    n('国分寺', 'Kokubunji'),
    n('西国分寺', 'Nishi-Kokubunji'),
  ]),
  m(TOKYO, '小金井市', 'Koganei', 35.6995, 139.503, '184', 50000, 1, [n('東小金井', 'Higashi-Koganei')]),
  m(TOKYO, '八王子市', 'Hachioji', 35.6664, 139.316, '192', 41000, 2, [
    n('八王子', 'Hachioji'),
    n('南大沢', 'Minami-Osawa'),
  ]),
  m(TOKYO, '町田市', 'Machida', 35.5484, 139.4386, '194', 43000, 1, [n('町田', 'Machida')]),
  m('神奈川県', '川崎市中原区', 'Kawasaki-Nakahara', 35.5763, 139.6594, '211', 59000, 3, [
    n('武蔵小杉', 'Musashi-Kosugi'),
    n('元住吉', 'Motosumiyoshi'),
  ]),
  m('神奈川県', '横浜市港北区', 'Yokohama-Kohoku', 35.5195, 139.6336, '222', 54000, 2, [
    n('日吉', 'Hiyoshi'),
    n('菊名', 'Kikuna'),
  ]),
  m('埼玉県', '川口市', 'Kawaguchi', 35.8078, 139.7241, '332', 46000, 3, [
    n('西川口', 'Nishi-Kawaguchi'),
    n('蕨', 'Warabi'),
  ]),
  m('埼玉県', 'さいたま市浦和区', 'Saitama-Urawa', 35.8617, 139.6455, '330', 45000, 1, [n('浦和', 'Urawa')]),
  m('千葉県', '市川市', 'Ichikawa', 35.7219, 139.9311, '272', 46000, 2, [
    n('本八幡', 'Motoyawata'),
    n('行徳', 'Gyotoku'),
  ]),
  m('千葉県', '船橋市', 'Funabashi', 35.6947, 139.9826, '273', 43000, 1, [n('西船橋', 'Nishi-Funabashi')]),
  m('千葉県', '浦安市', 'Urayasu', 35.6539, 139.9019, '279', 50000, 1, [
    n('浦安', 'Urayasu'),
    n('新浦安', 'Shin-Urayasu'),
  ]),
];
