/** About the people: emergency contacts, company contacts, blacklist, documents, tags, surveys. */
import { col, ID, CREATED_AT, UPDATED_AT, DELETED_AT, PK, key } from '../sql/table-spec';
import type { DumpTable } from '../sql/table-spec';
import { personName, phoneOf, emailOf } from '../names';
import type { TableContext } from './context';
import { perParent } from './helpers';
import { token } from './tokens';

const H = 3600;

export function peopleTables(ctx: TableContext): DumpTable[] {
  const D = ctx.opts.asOfDay;
  const tenantIds = Array.from({ length: ctx.core.tenantCount }, (_, i) => i + 1);
  const people = ctx.world.tenants;
  const movedOut = ctx.movings.filter((m) => m.movedOut && !m.deleted);
  const SURVEY_QUESTIONS = 6;
  return [
    perParent(
      ctx,
      {
        name: 'emergency_contacts',
        columns: [
          ID,
          col('tenant_id', 'int unsigned NOT NULL'),
          col('name', 'varchar(100) NOT NULL'),
          col('relationship', 'varchar(30) DEFAULT NULL'),
          col('tel', 'varchar(30) DEFAULT NULL'),
          col('email', 'varchar(255) DEFAULT NULL'),
          col('country', 'varchar(50) DEFAULT NULL'),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('emergency_contacts', 'tenant_id')],
      },
      tenantIds,
      (_, rng) => (rng.chance(0.8) ? 1 : 0),
      (t, _j, id, rng) => {
        const p = people[t - 1].person;
        const n = personName(rng, p.country, rng.int(1, 2));
        const at = ctx.st.at(people[t - 1].firstApplicationDay, people[t - 1].firstApplicationSec + 600);
        const intl = p.country !== 'JP';
        return [
          id,
          t,
          n.script ?? n.romaji,
          rng.pick(['父', '母', 'Parent', 'Sibling', '配偶者', 'Friend']),
          intl
            ? `+${rng.int(1, 99)} ${rng.int(100, 999)} ${rng.int(1000, 9999)} ${rng.int(100, 9999)}`
            : phoneOf(rng),
          rng.chance(0.5) ? emailOf(rng, n.romaji, id) : null,
          p.nationality,
          at,
          at,
        ];
      },
    ),
    perParent(
      ctx,
      {
        name: 'corporate_contacts',
        columns: [
          ID,
          col('corporate_id', 'int unsigned NOT NULL'),
          col('name', 'varchar(100) NOT NULL'),
          col('department', 'varchar(100) DEFAULT NULL'),
          col('email', 'varchar(255) DEFAULT NULL'),
          col('tel', 'varchar(20) DEFAULT NULL'),
          col('is_primary', "tinyint(1) NOT NULL DEFAULT '0'"),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('corporate_contacts', 'corporate_id')],
      },
      ctx.world.corporates,
      (_, rng) => rng.int(1, 3),
      (c, j, id, rng) => {
        const n = personName(rng, 'JP', rng.int(1, 2));
        const day = rng.int(ctx.opts.startDay, D - 30);
        return [
          id,
          c.id,
          n.script as string,
          rng.pick(['総務部', '人事部', '人事総務課', 'グローバル人材室']),
          `contact${id}@example.co.jp`,
          `03-${rng.int(3000, 6999)}-${rng.int(1000, 9999)}`,
          j === 0 ? 1 : 0,
          ctx.st.at(day, 11 * H),
          ctx.st.at(rng.int(day, D), 11 * H),
        ];
      },
    ),
    perParent(
      ctx,
      {
        name: 'blacklist_entries',
        columns: [
          ID,
          col('tenant_id', 'int unsigned DEFAULT NULL'),
          col('name', 'varchar(100) DEFAULT NULL'),
          col('email', 'varchar(255) DEFAULT NULL'),
          col('reason', 'text'),
          col('staff_id', 'int unsigned DEFAULT NULL'),
          CREATED_AT,
          UPDATED_AT,
          DELETED_AT,
        ],
        keys: [PK, key('blacklist_entries', 'tenant_id')],
      },
      tenantIds,
      (_, rng) => (rng.chance(0.004) ? 1 : 0),
      (t, _j, id, rng) => {
        const day = rng.int(people[t - 1].firstApplicationDay, D);
        return [
          id,
          t,
          null,
          null,
          rng.pick(['家賃滞納3ヶ月以上', '他の入居者への迷惑行為', '無断転貸', 'Repeated noise complaints']),
          rng.int(1, ctx.staffCount),
          ctx.st.at(day, 15 * H),
          ctx.st.at(day, 15 * H),
          null,
        ];
      },
    ),
    perParent(
      ctx,
      {
        name: 'tenant_documents',
        columns: [
          ID,
          col('tenant_id', 'int unsigned NOT NULL'),
          col(
            'document_type',
            "tinyint NOT NULL COMMENT '1:在留カード 2:パスポート 3:学生証 4:在職証明 5:運転免許証'",
          ),
          col('file_path', 'varchar(255) NOT NULL'),
          col('mime_type', 'varchar(50) NOT NULL'),
          col('file_size', 'int unsigned NOT NULL'),
          col('verified_at', 'datetime DEFAULT NULL'),
          CREATED_AT,
          UPDATED_AT,
          DELETED_AT,
        ],
        keys: [PK, key('tenant_documents', 'tenant_id')],
      },
      tenantIds,
      (_, rng) => rng.int(0, 3),
      (t, j, id, rng) => {
        const p = people[t - 1];
        const type = p.person.country === 'JP' ? rng.pick([5, 3, 4]) : j === 0 ? 1 : rng.pick([2, 3, 4]);
        const at = ctx.st.at(p.firstApplicationDay, p.firstApplicationSec + 900 + j * 60);
        return [
          id,
          t,
          type,
          `tenants/${t}/documents/${token(rng, 32).toLowerCase()}.${rng.chance(0.8) ? 'jpg' : 'pdf'}`,
          rng.chance(0.8) ? 'image/jpeg' : 'application/pdf',
          rng.int(80_000, 4_000_000),
          rng.chance(0.9) ? ctx.st.at(Math.min(D, p.firstApplicationDay + 1), 11 * H) : null,
          at,
          at,
          null,
        ];
      },
    ),
    perParent(
      ctx,
      {
        name: 'tenant_tags',
        columns: [
          ID,
          col('tenant_id', 'int unsigned NOT NULL'),
          col('tag_id', 'int unsigned NOT NULL'),
          CREATED_AT,
        ],
        keys: [PK, key('tenant_tags', 'tenant_id'), key('tenant_tags', 'tag_id')],
      },
      tenantIds,
      (_, rng) => (rng.chance(0.25) ? rng.int(1, 3) : 0),
      (t, j, id, rng) => [
        id,
        t,
        ((t * 7 + j * 5) % 18) + 1,
        ctx.st.at(people[t - 1].firstApplicationDay, 13 * H + rng.int(0, 3600)),
      ],
    ),
    perParent(
      ctx,
      {
        name: 'surveys',
        columns: [
          ID,
          col('moving_id', 'int unsigned NOT NULL'),
          col('tenant_id', 'int unsigned NOT NULL'),
          col('kind', "varchar(20) NOT NULL DEFAULT 'moveout'"),
          col('satisfaction', 'tinyint DEFAULT NULL'),
          col('would_recommend', 'tinyint(1) DEFAULT NULL'),
          col('comment', 'text'),
          col('answered_at', 'datetime DEFAULT NULL'),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('surveys', 'moving_id')],
      },
      movedOut,
      (_, rng) => (rng.chance(0.35) ? 1 : 0),
      (m, _j, id, rng) => {
        const day = Math.min(D, (m.livedTo as number) + rng.int(0, 10));
        const sat = rng.pick([5, 5, 4, 4, 4, 3, 3, 2, 1]);
        return [
          id,
          m.id,
          m.tenantId,
          'moveout',
          sat,
          sat >= 4 ? 1 : 0,
          rng.chance(0.4) ? rng.pick(COMMENTS) : null,
          ctx.st.at(day, 20 * H),
          ctx.st.at(day, 20 * H),
          ctx.st.at(day, 20 * H),
        ];
      },
    ),
    perParent(
      ctx,
      {
        name: 'survey_answers',
        columns: [
          ID,
          col('survey_id', 'int unsigned NOT NULL'),
          col('question_no', 'tinyint NOT NULL'),
          col('score', 'tinyint DEFAULT NULL'),
          CREATED_AT,
        ],
        keys: [PK, key('survey_answers', 'survey_id')],
      },
      Array.from({ length: Math.round(movedOut.length * 0.35) }, (_, i) => i + 1),
      () => SURVEY_QUESTIONS,
      (s, j, id, rng) => [
        id,
        s,
        j + 1,
        rng.chance(0.95) ? rng.int(1, 5) : null,
        ctx.st.at(D - ((s * 13) % 2500), 20 * H),
      ],
    ),
  ];
}

const COMMENTS = [
  '住人の皆さんが親切で楽しかったです。',
  'Great location, kitchen was sometimes crowded.',
  'Wi-Fiが遅い時間帯がありました。',
  'Staff were very helpful with my visa documents.',
  'また東京に来たら利用したいです！',
  '清掃の頻度をもう少し増やしてほしい。',
  'The house rules were not always followed by others.',
];
