import { fnmatch } from './fnmatch';
import { pathAndParents, pathGlobMatch } from './path-glob';
import type { SelectorMethod } from './selector-method-types';
import { matching } from './selector-method-types';

/**
 * `path:` a file or folder relative to the project root (`models/gold`, `models/gold/moveouts.sql`,
 * `models/gold/*.sql`): nodes defined in it or below it, or described by a properties file there.
 */
export const pathMethod: SelectorMethod = (context, value) =>
  matching(context, (node) => {
    const files = [node.originalFilePath, node.patchPath?.replace(/^\w+:\/\//, '')];
    return files.some(
      (file) => file !== undefined && pathAndParents(file).some((p) => pathGlobMatch(p, value)),
    );
  });

/** `file:` the file name, with or without its extension (`moveouts.sql`, `moveouts`, `stg_*.sql`). */
export const fileMethod: SelectorMethod = (context, value) =>
  matching(context, (node) => {
    const base = node.originalFilePath.replace(/\\/g, '/').split('/').pop() ?? '';
    const stem = base.replace(/\.[^.]*$/, '');
    return fnmatch(base, value) || fnmatch(stem, value);
  });
