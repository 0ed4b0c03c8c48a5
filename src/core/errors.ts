/**
 * Every user-facing failure is a TbError with a stable code, a location when there is one, and a hint.
 * Parse and compile collect many into a DiagnosticsError so that a person fixes them all in one go.
 */

export interface SourceLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface TbErrorOptions extends SourceLocation {
  readonly hint?: string;
  readonly cause?: unknown;
}

export class TbError extends Error {
  readonly code: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;

  constructor(code: string, message: string, options: TbErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TbError';
    this.code = code;
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
    this.hint = options.hint;
  }

  /** `models/a.sql:3:14: [TB101] message\n  hint: ...` */
  format(): string {
    const where = formatLocation(this);
    const head = `${where ? `${where}: ` : ''}[${this.code}] ${this.message}`;
    return this.hint ? `${head}\n  hint: ${this.hint}` : head;
  }
}

export function formatLocation(loc: SourceLocation): string {
  if (!loc.file) return '';
  let out = loc.file;
  if (loc.line !== undefined) out += `:${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) out += `:${loc.column}`;
  return out;
}

/** Many errors at once (parse, compile, config validation). */
export class DiagnosticsError extends TbError {
  readonly errors: readonly TbError[];

  constructor(errors: readonly TbError[]) {
    super('TB000', `${errors.length} error${errors.length === 1 ? '' : 's'} found in the project`);
    this.name = 'DiagnosticsError';
    this.errors = errors;
  }

  override format(): string {
    return [this.message + ':', ...this.errors.map((e) => e.format())].join('\n');
  }
}

/** Collects diagnostics during a stage; `throwIfAny` ends the stage with all of them. */
export class Diagnostics {
  private readonly list: TbError[] = [];

  add(error: TbError): void {
    this.list.push(error);
  }

  get errors(): readonly TbError[] {
    return this.list;
  }

  throwIfAny(): void {
    if (this.list.length === 1) throw this.list[0];
    if (this.list.length > 1) throw new DiagnosticsError(this.list);
  }
}

/**
 * Errors in what was typed on the command line (a bad selector, `--vars` or `--state`): usage errors, exit
 * 2, like an unknown flag; errors in the project's files exit 1.
 */
export function isUsageError(err: TbError): boolean {
  return err.code === ErrorCodes.commandLine || err.code === ErrorCodes.selectorSyntax;
}

/** Stable error codes. Keep them stable: people grep logs and runbooks for them. */
export const ErrorCodes = {
  yamlSyntax: 'TB101',
  configUnknownKey: 'TB102',
  configInvalidValue: 'TB103',
  projectNotFound: 'TB104',
  profileNotFound: 'TB105',
  commandLine: 'TB106',
  templateSyntax: 'TB201',
  templateRender: 'TB202',
  refNotFound: 'TB203',
  sourceNotFound: 'TB204',
  duplicateName: 'TB205',
  compilerError: 'TB206',
  varMissing: 'TB207',
  envVarMissing: 'TB208',
  dagCycle: 'TB301',
  selectorSyntax: 'TB302',
  database: 'TB401',
  connection: 'TB402',
  dumpSyntax: 'TB501',
  dumpTruncated: 'TB502',
  loadMismatch: 'TB503',
  loadCancelled: 'TB504',
  seedParse: 'TB601',
  internal: 'TB999',
} as const;
