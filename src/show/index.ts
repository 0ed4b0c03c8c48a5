/** `tb show`: preview a node's (or inline SQL's) rows without materializing anything. */
export { charWidth, displayWidth, padToWidth, truncateToWidth } from './display-width';
export { cellText, jsonValue } from './format-cell';
export { DEFAULT_MAX_COLUMN_WIDTH, formatPreviewTable, previewColumns } from './format-preview-table';
export type { Preview, TableOptions } from './format-preview-table';
export { INLINE_NAME, withInlineNode } from './inline-node';
export { DEFAULT_PREVIEW_LIMIT, NO_LIMIT, previewSql } from './preview-sql';
export { runPreview } from './run-preview';
export type { PreviewResult } from './run-preview';
export { showQuery } from './show-query';
export type { ShowQuery } from './show-query';
