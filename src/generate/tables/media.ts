/**
 * Binary columns, dumped as mysqldump does without --hex-blob: photos (JPEG thumbnails) and
 * signature images (PNG) whose bytes cover every value 0x00-0xFF. Room photo 1 holds exactly the
 * 256 byte values in order between a JPEG header and trailer, an anchor for loader tests.
 */
import type { Rng } from '../prng';
import { col, ID, CREATED_AT, UPDATED_AT, DELETED_AT, PK, key } from '../sql/table-spec';
import type { DumpTable } from '../sql/table-spec';
import type { TableContext } from './context';
import { perParent } from './helpers';

const H = 3600;
const JPEG_HEAD = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48,
  0x00, 0x00,
]);
const JPEG_TAIL = Buffer.from([0xff, 0xd9]);
const PNG_HEAD = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

/** The anchor: a JPEG frame around all 256 byte values. */
export const ALL_BYTES_PHOTO = Buffer.concat([
  JPEG_HEAD,
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  JPEG_TAIL,
]);

function noise(rng: Rng, n: number): Buffer {
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i += 4) {
    const x = rng.next();
    b[i] = x & 0xff;
    if (i + 1 < n) b[i + 1] = (x >>> 8) & 0xff;
    if (i + 2 < n) b[i + 2] = (x >>> 16) & 0xff;
    if (i + 3 < n) b[i + 3] = x >>> 24;
  }
  return b;
}

function jpeg(rng: Rng, size: number): Buffer {
  return Buffer.concat([JPEG_HEAD, noise(rng, Math.max(0, size - JPEG_HEAD.length - 2)), JPEG_TAIL]);
}

export function mediaTables(ctx: TableContext): DumpTable[] {
  const D = ctx.opts.asOfDay;
  const contracted = ctx.movings.filter(
    (m) => m.contracted && m.t.contractDay !== null && m.t.contractDay <= D,
  );
  return [
    perParent(
      ctx,
      {
        name: 'apartment_photos',
        columns: [
          ID,
          col('apartment_id', 'int unsigned NOT NULL'),
          col('file_name', 'varchar(255) NOT NULL'),
          col('mime_type', "varchar(50) NOT NULL DEFAULT 'image/jpeg'"),
          col('width', 'smallint unsigned DEFAULT NULL'),
          col('height', 'smallint unsigned DEFAULT NULL'),
          col('sort_order', "tinyint NOT NULL DEFAULT '0'"),
          col('caption', 'varchar(255) DEFAULT NULL'),
          col('data', "mediumblob COMMENT 'サムネイル'"),
          CREATED_AT,
          UPDATED_AT,
          DELETED_AT,
        ],
        keys: [PK, key('apartment_photos', 'apartment_id')],
      },
      ctx.world.apartments,
      (_, rng) => rng.int(3, 7),
      (a, j, id, rng) => {
        const size = Math.round(rng.logNormal(9000, 0.35));
        const day = a.openedDay - rng.int(1, 20);
        return [
          id,
          a.id,
          `apartment_${a.id}_${j + 1}.jpg`,
          'image/jpeg',
          320,
          240,
          j,
          rng.pick([
            '外観 / Exterior',
            'ラウンジ / Lounge',
            'キッチン / Kitchen',
            'シャワー / Shower',
            '玄関 / Entrance',
          ]),
          jpeg(rng, size),
          ctx.st.at(day, 14 * H),
          ctx.st.at(day, 14 * H),
          null,
        ];
      },
    ),
    perParent(
      ctx,
      {
        name: 'room_photos',
        columns: [
          ID,
          col('room_id', 'int unsigned NOT NULL'),
          col('file_name', 'varchar(255) NOT NULL'),
          col('mime_type', "varchar(50) NOT NULL DEFAULT 'image/jpeg'"),
          col('width', 'smallint unsigned DEFAULT NULL'),
          col('height', 'smallint unsigned DEFAULT NULL'),
          col('sort_order', "tinyint NOT NULL DEFAULT '0'"),
          col('data', 'mediumblob'),
          CREATED_AT,
          UPDATED_AT,
          DELETED_AT,
        ],
        keys: [PK, key('room_photos', 'room_id')],
      },
      ctx.world.rooms,
      (_, rng) => rng.int(1, 3),
      (r, j, id, rng) => {
        const data = id === 1 ? ALL_BYTES_PHOTO : jpeg(rng, Math.round(rng.logNormal(5200, 0.35)));
        const day = r.openDay - rng.int(1, 20);
        return [
          id,
          r.id,
          `room_${r.id}_${j + 1}.jpg`,
          'image/jpeg',
          240,
          180,
          j,
          data,
          ctx.st.at(day, 15 * H),
          ctx.st.at(day, 15 * H),
          null,
        ];
      },
    ),
    perParent(
      ctx,
      {
        name: 'contract_documents',
        columns: [
          ID,
          col('moving_id', 'int unsigned NOT NULL'),
          col('document_type', "tinyint NOT NULL COMMENT '1:賃貸借契約書 2:重要事項説明書 3:入居申込書'"),
          col('file_path', 'varchar(255) NOT NULL'),
          col('signature', "blob COMMENT '電子署名画像(PNG)'"),
          col('signed_at', 'datetime DEFAULT NULL'),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('contract_documents', 'moving_id')],
      },
      contracted,
      (_, rng) => (rng.chance(0.6) ? 1 : 0),
      (m, _j, id, rng) => {
        const day = m.t.contractDay as number;
        const sig = Buffer.concat([PNG_HEAD, noise(rng, rng.int(300, 900))]);
        return [
          id,
          m.id,
          1,
          `contracts/${m.id}/lease_${m.id}.pdf`,
          sig,
          ctx.st.at(day, 16 * H),
          ctx.st.at(day, 16 * H),
          ctx.st.at(day, 16 * H),
        ];
      },
    ),
  ];
}
