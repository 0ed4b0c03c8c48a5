export { buildCatalog } from './build-catalog';
export type { CatalogInput, CompiledSql, WarehouseColumns } from './build-catalog';
export type * from './catalog-types';
export { docsDir, generateDocs } from './generate-docs';
export type { GenerateDocsOptions, GenerateDocsResult } from './generate-docs';
export { createDocsServer, resolveFile } from './serve-docs';
export { writeSite } from './write-site';
