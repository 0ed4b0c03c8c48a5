/**
 * A deterministic, realistic PMS dump for the load benchmark, in mysqldump's format (extended INSERTs of about
 * 1 MB, the usual header, LOCK TABLES, DISABLE KEYS), MariaDB-compatible: large log tables with URLs and user
 * agents, mail bodies in Japanese with newlines and quotes, payments with decimals, photos as _binary BLOBs,
 * core tables with secondary indexes, and a few always-empty vendor tables.
 */
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
// mysqldump's escaping, as the generator writes it.
import { q } from '../../src/generate/sql/escape';

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function binary(bytes: Buffer): string {
  return '_binary ' + q(bytes.toString('latin1'));
}

const WORDS = [
  '中野区',
  '杉並区',
  'シェアハウス',
  '入居',
  '退去',
  '更新',
  '契約',
  'お問い合わせ',
  '鍵',
  '清掃',
  'Wi-Fi',
  '家賃',
  '振込',
  '確認',
  'ありがとうございます',
  '😀',
  'room',
  'key',
  "O'Hara",
  '"quoted"',
  'back\\slash',
];
const AGENTS = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.6167.101 Mobile Safari/537.36',
];
const PATHS = [
  '/mypage',
  '/api/v1/rooms',
  '/api/v1/payments',
  '/contract/renew',
  '/inquiry/new',
  '/admin/tenants',
  '/login',
];

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)];
}

function text(rng: Rng, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(pick(rng, WORDS), rng() < 0.08 ? '\n' : rng() < 0.5 ? '' : ' ');
  return out.join('');
}

function datetime(rng: Rng): string {
  const t = Date.UTC(2018, 0, 1) + Math.floor(rng() * 8 * 365 * 86400) * 1000;
  return q(new Date(t).toISOString().slice(0, 19).replace('T', ' '));
}

function date(rng: Rng): string {
  return rng() < 0.01 ? "'0000-00-00'" : datetime(rng).slice(0, 11) + "'";
}

interface TableSpec {
  readonly name: string;
  readonly share: number;
  readonly ddl: string;
  readonly row: (id: number, rng: Rng) => string;
}

const N = (rng: Rng, max: number) => String(Math.floor(rng() * max) + 1);

const TABLES: TableSpec[] = [
  {
    name: 'apartments',
    share: 0.002,
    ddl: `\`id\` int unsigned NOT NULL AUTO_INCREMENT, \`name\` varchar(100) NOT NULL, \`municipality\` varchar(50) NOT NULL,
  \`latitude\` decimal(10,7) DEFAULT NULL, \`longitude\` decimal(10,7) DEFAULT NULL, \`created_at\` datetime NOT NULL,
  PRIMARY KEY (\`id\`), KEY \`idx_municipality\` (\`municipality\`)`,
    row: (id, r) =>
      `(${id},${q(text(r, 3))},${q(pick(r, WORDS))},${(35 + r()).toFixed(7)},${(139 + r()).toFixed(7)},${datetime(r)})`,
  },
  {
    name: 'tenants',
    share: 0.05,
    ddl: `\`id\` bigint unsigned NOT NULL AUTO_INCREMENT, \`name\` varchar(100) DEFAULT NULL, \`name_kana\` varchar(100) DEFAULT NULL,
  \`email\` varchar(255) DEFAULT NULL, \`birth_date\` date DEFAULT NULL, \`nationality\` varchar(50) DEFAULT NULL,
  \`memo\` text, \`created_at\` datetime NOT NULL, \`deleted_at\` datetime DEFAULT NULL,
  PRIMARY KEY (\`id\`), KEY \`idx_email\` (\`email\`), KEY \`idx_created\` (\`created_at\`)`,
    row: (id, r) =>
      `(${id},${q(text(r, 2))},${q('タナカ タロウ')},${q(`user${id}@example.jp`)},${date(r)},${q(pick(r, ['USA', ' japan ', '中国', 'Vietnam']))},${r() < 0.3 ? q(text(r, 20)) : 'NULL'},${datetime(r)},${r() < 0.05 ? datetime(r) : 'NULL'})`,
  },
  {
    name: 'movings',
    share: 0.05,
    ddl: `\`id\` bigint unsigned NOT NULL AUTO_INCREMENT, \`tenant_id\` bigint unsigned NOT NULL, \`room_id\` int unsigned NOT NULL,
  \`movein_date\` date DEFAULT NULL, \`moveout_date\` date DEFAULT NULL, \`rent\` int NOT NULL, \`deposit\` decimal(10,2) DEFAULT NULL,
  \`status\` tinyint NOT NULL, \`created_at\` datetime NOT NULL, \`updated_at\` datetime NOT NULL,
  PRIMARY KEY (\`id\`), KEY \`idx_tenant\` (\`tenant_id\`), KEY \`idx_room\` (\`room_id\`, \`movein_date\`)`,
    row: (id, r) =>
      `(${id},${N(r, 100000)},${N(r, 5600)},${date(r)},${r() < 0.5 ? date(r) : 'NULL'},${N(r, 90000)},${(r() * 100000).toFixed(2)},${N(r, 8)},${datetime(r)},${datetime(r)})`,
  },
  {
    name: 'inquiries',
    share: 0.05,
    ddl: `\`id\` bigint unsigned NOT NULL AUTO_INCREMENT, \`inquiry_date\` datetime NOT NULL, \`channel\` tinyint NOT NULL,
  \`apartment_id\` int unsigned DEFAULT NULL, \`body\` text, \`created_at\` datetime NOT NULL,
  PRIMARY KEY (\`id\`), KEY \`idx_inquiry_date\` (\`inquiry_date\`)`,
    row: (id, r) =>
      `(${id},${datetime(r)},${N(r, 6)},${r() < 0.2 ? 'NULL' : N(r, 230)},${q(text(r, 15))},${datetime(r)})`,
  },
  {
    name: 'payments',
    share: 0.09,
    ddl: `\`id\` bigint unsigned NOT NULL AUTO_INCREMENT, \`tenant_id\` bigint unsigned NOT NULL, \`moving_id\` bigint unsigned DEFAULT NULL,
  \`amount\` decimal(12,2) NOT NULL, \`paid_on\` date DEFAULT NULL, \`method\` tinyint NOT NULL, \`note\` varchar(255) DEFAULT NULL,
  \`created_at\` datetime NOT NULL, PRIMARY KEY (\`id\`), KEY \`idx_tenant\` (\`tenant_id\`), KEY \`idx_paid_on\` (\`paid_on\`)`,
    row: (id, r) =>
      `(${id},${N(r, 100000)},${N(r, 150000)},${(r() * 200000 - 1000).toFixed(2)},${date(r)},${N(r, 4)},${r() < 0.5 ? q(text(r, 4)) : 'NULL'},${datetime(r)})`,
  },
  {
    name: 'invoices',
    share: 0.07,
    ddl: `\`id\` bigint unsigned NOT NULL AUTO_INCREMENT, \`moving_id\` bigint unsigned NOT NULL, \`month\` char(7) NOT NULL,
  \`total\` int NOT NULL, \`lines\` json DEFAULT NULL, \`issued_at\` datetime NOT NULL,
  PRIMARY KEY (\`id\`), UNIQUE KEY \`uq_moving_month\` (\`moving_id\`, \`month\`, \`id\`)`,
    row: (id, r) =>
      `(${id},${N(r, 150000)},'2025-${String((id % 12) + 1).padStart(2, '0')}',${N(r, 120000)},${q(JSON.stringify({ rent: Math.floor(r() * 90000), fee: 5000, note: pick(r, WORDS) }))},${datetime(r)})`,
  },
  {
    name: 'point_histories',
    share: 0.03,
    ddl: `\`id\` bigint unsigned NOT NULL AUTO_INCREMENT, \`tenant_id\` bigint unsigned NOT NULL, \`points\` int NOT NULL,
  \`reason\` varchar(100) DEFAULT NULL, \`created_at\` datetime NOT NULL, PRIMARY KEY (\`id\`), KEY \`idx_tenant\` (\`tenant_id\`)`,
    row: (id, r) =>
      `(${id},${N(r, 100000)},${Math.floor(r() * 2000 - 1000)},${q(pick(r, WORDS))},${datetime(r)})`,
  },
  {
    name: 'photos',
    share: 0.06,
    ddl: `\`id\` int unsigned NOT NULL AUTO_INCREMENT, \`apartment_id\` int unsigned NOT NULL, \`mime\` varchar(50) NOT NULL,
  \`data\` mediumblob, PRIMARY KEY (\`id\`), KEY \`idx_apartment\` (\`apartment_id\`)`,
    row: (id, r) => {
      const bytes = Buffer.allocUnsafe(2000 + Math.floor(r() * 6000));
      for (let i = 0; i < bytes.length; i++) bytes[i] = (r() * 256) | 0;
      return `(${id},${N(r, 230)},'image/jpeg',${binary(bytes)})`;
    },
  },
  {
    name: 'mail_logs',
    share: 0.18,
    ddl: `\`id\` bigint unsigned NOT NULL AUTO_INCREMENT, \`tenant_id\` bigint unsigned DEFAULT NULL, \`to_address\` varchar(255) NOT NULL,
  \`subject\` varchar(255) NOT NULL, \`body\` mediumtext, \`status\` tinyint NOT NULL, \`sent_at\` datetime DEFAULT NULL,
  PRIMARY KEY (\`id\`), KEY \`idx_tenant\` (\`tenant_id\`), KEY \`idx_sent_at\` (\`sent_at\`)`,
    row: (id, r) =>
      `(${id},${N(r, 100000)},${q(`user${id % 100000}@example.jp`)},${q(text(r, 4))},${q(text(r, 60 + Math.floor(r() * 200)))},${N(r, 3)},${datetime(r)})`,
  },
  {
    name: 'access_logs',
    share: 0.41,
    ddl: `\`id\` bigint unsigned NOT NULL AUTO_INCREMENT, \`user_id\` bigint unsigned DEFAULT NULL, \`method\` varchar(10) NOT NULL,
  \`url\` varchar(2048) NOT NULL, \`status\` smallint unsigned NOT NULL, \`ip\` varchar(45) NOT NULL, \`user_agent\` varchar(512) DEFAULT NULL,
  \`response_ms\` int unsigned NOT NULL, \`created_at\` datetime NOT NULL,
  PRIMARY KEY (\`id\`), KEY \`idx_user\` (\`user_id\`), KEY \`idx_created\` (\`created_at\`)`,
    row: (id, r) =>
      `(${id},${r() < 0.3 ? 'NULL' : N(r, 100000)},${q(pick(r, ['GET', 'GET', 'POST']))},${q(`https://pms.example.jp${pick(r, PATHS)}?page=${N(r, 50)}&ref=${N(r, 99999)}`)},${pick(r, ['200', '200', '302', '404'])},${q(`10.${N(r, 255)}.${N(r, 255)}.${N(r, 255)}`)},${q(pick(r, AGENTS))},${N(r, 3000)},${datetime(r)})`,
  },
];

const EMPTY = [
  'failed_jobs',
  'jobs',
  'password_resets',
  'cache',
  'sessions',
  'telescope_entries',
  'oauth_codes',
  'webhooks',
  'exports',
  'imports',
];

const HEADER = `-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: pms-db    Database: gghouse
-- ------------------------------------------------------

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!50503 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;
`;

function tableDdl(name: string, body: string): string {
  return `
--
-- Table structure for table \`${name}\`
--

DROP TABLE IF EXISTS \`${name}\`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE \`${name}\` (
  ${body}
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
`;
}

/** Writes about `targetBytes` of dump to `file` (via a temporary name, so a crash leaves no half file). */
export function writeBenchDump(file: string, targetBytes: number): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  const write = (s: string) => writeSync(fd, s);
  write(HEADER);
  const rng = mulberry32(20260205);
  for (const t of TABLES) {
    write(tableDdl(t.name, t.ddl));
    write(`\nLOCK TABLES \`${t.name}\` WRITE;\n/*!40000 ALTER TABLE \`${t.name}\` DISABLE KEYS */;\n`);
    let written = 0;
    let id = 1;
    const budget = targetBytes * t.share;
    while (written < budget) {
      const parts: string[] = [];
      let len = 0;
      while (len < 1_000_000 && written + len < budget) {
        const row = t.row(id++, rng);
        parts.push(row);
        len += row.length + 1;
      }
      const line = `INSERT INTO \`${t.name}\` VALUES ${parts.join(',')};\n`;
      written += Buffer.byteLength(line);
      write(line);
    }
    write(`/*!40000 ALTER TABLE \`${t.name}\` ENABLE KEYS */;\nUNLOCK TABLES;\n`);
  }
  for (const name of EMPTY)
    write(
      tableDdl(name, '`id` bigint unsigned NOT NULL AUTO_INCREMENT, `payload` longtext, PRIMARY KEY (`id`)'),
    );
  write('\n-- Dump completed on 2026-02-05  3:00:00\n');
  closeSync(fd);
  renameSync(tmp, file);
}
