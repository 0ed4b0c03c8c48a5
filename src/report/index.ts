export { buildReportData } from './build-report-data';
export { generateReport, reportDir, resolveAsOf } from './generate-report';
export type { GenerateReportOptions, GenerateReportResult } from './generate-report';
export { GoldReader } from './read-gold';
export type * from './report-types';
export { writeReport } from './write-report';
