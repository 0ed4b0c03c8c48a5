/** The header and trailer mysqldump 8.0 wraps around the tables (no --databases: no CREATE DATABASE/USE). */

export const MYSQL_VERSION = '8.0.36';

export function dumpHeader(host: string, database: string): string {
  return [
    `-- MySQL dump 10.13  Distrib ${MYSQL_VERSION}, for Linux (x86_64)`,
    '--',
    `-- Host: ${host}    Database: ${database}`,
    '-- ------------------------------------------------------',
    `-- Server version\t${MYSQL_VERSION}`,
    '',
    '/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;',
    '/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;',
    '/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;',
    '/*!50503 SET NAMES utf8mb4 */;',
    '/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;',
    "/*!40103 SET TIME_ZONE='+00:00' */;",
    '/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;',
    '/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;',
    "/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;",
    '/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;',
    '',
    '',
  ].join('\n');
}

/** `completedAt` is `YYYY-MM-DD` plus hour, minute, second; mysqldump pads the hour with a space. */
export function dumpTrailer(date: string, hour: number, minute: number, second: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return [
    '/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;',
    '',
    '/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;',
    '/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;',
    '/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;',
    '/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;',
    '/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;',
    '/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;',
    '/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;',
    '',
    `-- Dump completed on ${date} ${String(hour).padStart(2, ' ')}:${two(minute)}:${two(second)}`,
    '',
  ].join('\n');
}
