export { seedTable } from './seed-table';
export { seedSpecFromNode } from './seed-spec-from-node';
export type { SeedColumn, SeedOptions, SeedResult, SeedSpec } from './seed-spec';
export { ColumnInference } from './column-inference';
