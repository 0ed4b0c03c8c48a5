/** CREATE TABLE text exactly as mysqldump (MySQL 8.0) writes it. */
import type { TableSpec } from './table-spec';

export const TABLE_CHARSET = 'DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci';

export function createTable(spec: TableSpec, autoIncrement: number | undefined): string {
  const lines = [...spec.columns.map((c) => `  \`${c.name}\` ${c.def}`), ...spec.keys.map((k) => `  ${k}`)];
  const ai = autoIncrement !== undefined && autoIncrement > 1 ? ` AUTO_INCREMENT=${autoIncrement}` : '';
  const comment = spec.comment ? ` COMMENT='${spec.comment.replace(/'/g, "''")}'` : '';
  return `CREATE TABLE \`${spec.name}\` (\n${lines.join(',\n')}\n) ENGINE=InnoDB${ai} ${TABLE_CHARSET}${comment};\n`;
}

/** The structure section of one table, from its `--` banner to the restored client charset. */
export function structureSection(spec: TableSpec, autoIncrement: number | undefined): string {
  return (
    `--\n-- Table structure for table \`${spec.name}\`\n--\n\n` +
    `DROP TABLE IF EXISTS \`${spec.name}\`;\n` +
    '/*!40101 SET @saved_cs_client     = @@character_set_client */;\n' +
    '/*!50503 SET character_set_client = utf8mb4 */;\n' +
    createTable(spec, autoIncrement) +
    '/*!40101 SET character_set_client = @saved_cs_client */;\n\n'
  );
}

export function dataSectionStart(name: string): string {
  return (
    `--\n-- Dumping data for table \`${name}\`\n--\n\n` +
    `LOCK TABLES \`${name}\` WRITE;\n` +
    `/*!40000 ALTER TABLE \`${name}\` DISABLE KEYS */;\n`
  );
}

export function dataSectionEnd(name: string): string {
  return `/*!40000 ALTER TABLE \`${name}\` ENABLE KEYS */;\nUNLOCK TABLES;\n\n`;
}
