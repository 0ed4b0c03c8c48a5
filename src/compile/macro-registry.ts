import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Template } from 'nunjucks';
import { ErrorCodes, TbError, type Diagnostics } from '../core/errors';
import { positionAt } from '../core/text-position';
import type { MacroDef } from '../core/types';
import { rewriteTestBlocks } from './jinja-environment';
import type { TemplateRuntime } from './template-runtime';

/** tb's own macros (cross-database, schema naming, generic tests), at the package root like dbt's include/. */
export const BUILTIN_MACRO_DIR = join(__dirname, '..', '..', 'include', 'macros');

export interface MacroFile {
  readonly originalFilePath: string;
  readonly text: string;
  readonly packageName: string;
}

const MACRO_START = /\{%-?\s*(macro|test)\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(/g;

/** Finds the macros a file defines, with their lines, for the manifest and for `state:modified`. */
export function macroDefs(file: MacroFile): MacroDef[] {
  const defs: MacroDef[] = [];
  for (const m of file.text.matchAll(MACRO_START)) {
    const kind = m[1] as 'macro' | 'test';
    const end = file.text.indexOf(kind === 'macro' ? 'endmacro' : 'endtest', m.index);
    const close = end < 0 ? file.text.length : file.text.indexOf('%}', end) + 2;
    const name = kind === 'test' ? `test_${m[2]}` : m[2];
    defs.push({
      uniqueId: `macro.${file.packageName}.${name}`,
      name,
      packageName: file.packageName,
      originalFilePath: file.originalFilePath,
      macroSql: file.text.slice(m.index, close),
      line: file.text.slice(0, m.index).split('\n').length,
      kind,
    });
  }
  return defs;
}

export function builtinMacroFiles(): MacroFile[] {
  return readdirSync(BUILTIN_MACRO_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({
      originalFilePath: `tb/include/macros/${f}`,
      text: readFileSync(join(BUILTIN_MACRO_DIR, f), 'utf8'),
      packageName: BUILTIN_PACKAGE,
    }));
}

/** The package name of tb's builtin macros, which `dbt.<name>` reaches. */
export const BUILTIN_PACKAGE = 'tb';

/**
 * Compiles every macro file and makes its macros globals: builtins first, the project's after, so a project
 * macro of the same name overrides a builtin and every model can call any macro without an import.
 * The builtins are also the `dbt` namespace (`{{ dbt.date_trunc('day', 'x') }}`, `dbt.type_string()`), as
 * dbt's own package is, so dbt projects that qualify their calls compile unmodified; like dbt's, the
 * namespace keeps the builtin even where the project overrides the name.
 */
export function registerMacros(
  runtime: TemplateRuntime,
  files: readonly MacroFile[],
  diag: Diagnostics,
): MacroDef[] {
  const defs: MacroDef[] = [];
  const dbtNamespace: Record<string, unknown> = {};
  runtime.addGlobal('dbt', dbtNamespace);
  for (const file of files) {
    let template: Template;
    try {
      template = runtime.compileTemplate(rewriteTestBlocks(file.text), file.originalFilePath);
    } catch (err) {
      if (err instanceof TbError) {
        diag.add(err);
        continue;
      }
      throw err;
    }
    const exportable = template as unknown as {
      getExported(ctx: object, cb: (err: Error | null, exported: Record<string, unknown>) => void): void;
    };
    exportable.getExported({}, (err, exported) => {
      if (err) throw err;
      for (const [name, macro] of Object.entries(exported)) {
        runtime.addGlobal(name, macro);
        if (file.packageName === BUILTIN_PACKAGE) dbtNamespace[name] = macro;
      }
    });
    defs.push(...macroDefs(file));
  }
  reportDuplicates(defs, files, diag);
  return defs;
}

/**
 * Two macros of one name in the same package is an error, as in dbt: which one a model gets would depend on
 * the order folders are listed in. A project macro named like a builtin is an override, not a duplicate.
 */
function reportDuplicates(defs: readonly MacroDef[], files: readonly MacroFile[], diag: Diagnostics): void {
  const first = new Map<string, MacroDef>();
  for (const def of defs) {
    const prior = first.get(def.uniqueId);
    if (!prior) {
      first.set(def.uniqueId, def);
      continue;
    }
    const text = files.find((f) => f.originalFilePath === def.originalFilePath)?.text ?? '';
    const at = text.indexOf(def.macroSql);
    const where = at < 0 ? { line: def.line } : positionAt(text, at);
    diag.add(
      new TbError(
        ErrorCodes.duplicateName,
        `two macros are named '${def.name}': ${prior.originalFilePath}:${prior.line} and ${def.originalFilePath}:${def.line}`,
        {
          file: def.originalFilePath,
          ...where,
          hint: 'rename one of them (a project macro may override a builtin of the same name, not another project macro)',
        },
      ),
    );
  }
}
