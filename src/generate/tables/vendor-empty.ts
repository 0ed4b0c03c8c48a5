/**
 * Tables the PMS framework created and never filled (queues, caches, features never switched
 * on): they are always empty in the vendor's dumps.
 */
import { col, ID, BIG_ID, CREATED_AT, UPDATED_AT, PK, key, uniqueKey } from '../sql/table-spec';
import type { DumpTable, TableSpec } from '../sql/table-spec';

const SPECS: readonly TableSpec[] = [
  {
    name: 'cache',
    columns: [
      col('key', 'varchar(255) NOT NULL'),
      col('value', 'mediumtext NOT NULL'),
      col('expiration', 'int NOT NULL'),
    ],
    keys: ['PRIMARY KEY (`key`)'],
  },
  {
    name: 'coupons',
    columns: [
      ID,
      col('code', 'varchar(32) NOT NULL'),
      col('discount', "int NOT NULL DEFAULT '0'"),
      col('valid_until', 'date DEFAULT NULL'),
      CREATED_AT,
      UPDATED_AT,
    ],
    keys: [PK, uniqueKey('coupons', 'code')],
  },
  {
    name: 'failed_jobs',
    columns: [
      BIG_ID,
      col('uuid', 'varchar(255) NOT NULL'),
      col('connection', 'text NOT NULL'),
      col('queue', 'text NOT NULL'),
      col('payload', 'longtext NOT NULL'),
      col('exception', 'longtext NOT NULL'),
      col('failed_at', 'timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP'),
    ],
    keys: [PK, 'UNIQUE KEY `failed_jobs_uuid_unique` (`uuid`)'],
  },
  {
    name: 'jobs',
    columns: [
      BIG_ID,
      col('queue', 'varchar(255) NOT NULL'),
      col('payload', 'longtext NOT NULL'),
      col('attempts', 'tinyint unsigned NOT NULL'),
      col('reserved_at', 'int unsigned DEFAULT NULL'),
      col('available_at', 'int unsigned NOT NULL'),
      col('created_at', 'int unsigned NOT NULL'),
    ],
    keys: [PK, 'KEY `jobs_queue_index` (`queue`)'],
  },
  {
    name: 'oauth_access_tokens',
    columns: [
      col('id', 'varchar(100) NOT NULL'),
      col('user_id', 'bigint unsigned DEFAULT NULL'),
      col('client_id', 'bigint unsigned NOT NULL'),
      col('name', 'varchar(255) DEFAULT NULL'),
      col('scopes', 'text'),
      col('revoked', 'tinyint(1) NOT NULL'),
      col('created_at', 'timestamp NULL DEFAULT NULL'),
      col('updated_at', 'timestamp NULL DEFAULT NULL'),
      col('expires_at', 'datetime DEFAULT NULL'),
    ],
    keys: [PK, 'KEY `oauth_access_tokens_user_id_index` (`user_id`)'],
  },
  {
    name: 'password_resets',
    columns: [
      col('email', 'varchar(255) NOT NULL'),
      col('token', 'varchar(255) NOT NULL'),
      col('created_at', 'timestamp NULL DEFAULT NULL'),
    ],
    keys: ['KEY `password_resets_email_index` (`email`)'],
  },
  {
    name: 'personal_access_tokens',
    columns: [
      BIG_ID,
      col('tokenable_type', 'varchar(255) NOT NULL'),
      col('tokenable_id', 'bigint unsigned NOT NULL'),
      col('name', 'varchar(255) NOT NULL'),
      col('token', 'varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL'),
      col('abilities', 'text'),
      col('last_used_at', 'timestamp NULL DEFAULT NULL'),
      col('created_at', 'timestamp NULL DEFAULT NULL'),
      col('updated_at', 'timestamp NULL DEFAULT NULL'),
    ],
    keys: [
      PK,
      'UNIQUE KEY `personal_access_tokens_token_unique` (`token`)',
      'KEY `personal_access_tokens_tokenable_type_tokenable_id_index` (`tokenable_type`,`tokenable_id`)',
    ],
  },
  {
    name: 'point_histories',
    columns: [
      ID,
      col('tenant_id', 'int unsigned NOT NULL'),
      col('points', 'int NOT NULL'),
      col('reason', 'varchar(255) DEFAULT NULL'),
      CREATED_AT,
      UPDATED_AT,
    ],
    keys: [PK, key('point_histories', 'tenant_id')],
  },
  {
    name: 'referral_codes',
    columns: [
      ID,
      col('tenant_id', 'int unsigned NOT NULL'),
      col('code', 'varchar(16) NOT NULL'),
      col('used_count', "int NOT NULL DEFAULT '0'"),
      CREATED_AT,
      UPDATED_AT,
    ],
    keys: [PK, uniqueKey('referral_codes', 'code')],
  },
  {
    name: 'telescope_entries',
    columns: [
      col('sequence', 'bigint unsigned NOT NULL AUTO_INCREMENT'),
      col('uuid', 'char(36) NOT NULL'),
      col('batch_id', 'char(36) NOT NULL'),
      col('family_hash', 'varchar(255) DEFAULT NULL'),
      col('should_display_on_index', "tinyint(1) NOT NULL DEFAULT '1'"),
      col('type', 'varchar(20) NOT NULL'),
      col('content', 'longtext NOT NULL'),
      col('created_at', 'datetime DEFAULT NULL'),
    ],
    keys: [
      'PRIMARY KEY (`sequence`)',
      'UNIQUE KEY `telescope_entries_uuid_unique` (`uuid`)',
      'KEY `telescope_entries_batch_id_index` (`batch_id`)',
    ],
  },
];

export function emptyTables(): DumpTable[] {
  return SPECS.map((spec) => ({ spec, rowCount: 0, rows: () => [] }));
}
