import nunjucks from 'nunjucks';
// nunjucks' own compiler: source text -> the JavaScript of a template.
import * as nunjucksCompiler from 'nunjucks/src/compiler';
import type { AdapterCapabilities } from '../adapters/adapter';
import { quoteIdentifier } from '../adapters/capabilities-for';
import { TbError, ErrorCodes } from '../core/errors';
import type { Logger } from '../core/logger';
import { envVar } from '../config/env-var';
import { splitArgs } from './call-args';
import { createJinjaEnvironment, returnFunction } from './jinja-environment';
import { NO_NODE, type NodeHooks } from './node-hooks';
import { toTemplateError } from './template-error';
import { withSyntaxHint } from './template-syntax-hint';
import { staticTemplateProps } from './static-template';
import { TemplateCache } from './template-cache';

export interface TemplateRuntimeOptions {
  readonly capabilities: AdapterCapabilities;
  /** The public target (no password). */
  readonly target: Readonly<Record<string, unknown>>;
  readonly vars: Readonly<Record<string, unknown>>;
  readonly env: NodeJS.ProcessEnv;
  readonly invocationId: string;
  readonly runStartedAt: Date;
  readonly logger?: Logger;
  readonly cache?: TemplateCache;
  /** Simple templates rendered without nunjucks' compiler (static-template.ts); default on, off with --no-static-parser. */
  readonly staticTemplates?: boolean;
}

/**
 * One nunjucks environment for the whole project. Node-specific names (`ref`, `this`, `config`, ...) are
 * globals with getters that read the node being rendered, so macros defined in any file see the calling
 * node, as in dbt. Rendering is synchronous, so one "current node" at a time is enough.
 */
export class TemplateRuntime {
  readonly env: nunjucks.Environment;
  private current: NodeHooks = NO_NODE;

  /** Compiled templates of earlier runs (partial parsing); none unless the caller opens one. */
  private readonly cache: TemplateCache;

  constructor(readonly options: TemplateRuntimeOptions) {
    this.cache = options.cache ?? TemplateCache.none();
    this.env = createJinjaEnvironment();
    this.installStaticGlobals();
    this.installNodeGlobals();
  }

  /** Renders with `hooks` as the current node; nested renders restore the outer node. */
  withNode<T>(hooks: NodeHooks, fn: () => T): T {
    const outer = this.current;
    this.current = hooks;
    try {
      return fn();
    } finally {
      this.current = outer;
    }
  }

  compileTemplate(source: string, file: string): nunjucks.Template {
    try {
      const env = this.env as unknown as { asyncFilters: unknown; extensionsList: unknown; opts: unknown };
      const props =
        (this.options.staticTemplates !== false ? staticTemplateProps(source) : undefined) ??
        this.cache.props(source, file, () =>
          nunjucksCompiler.compile(source, env.asyncFilters, env.extensionsList, file, env.opts),
        );
      return new nunjucks.Template({ type: 'code', obj: props } as unknown as string, this.env, file, true);
    } catch (err) {
      throw withSyntaxHint(toTemplateError(err, file, ErrorCodes.templateSyntax), source);
    }
  }

  render(template: nunjucks.Template, hooks: NodeHooks, file: string): string {
    return this.withNode(hooks, () => {
      try {
        return template.render({});
      } catch (err) {
        throw toTemplateError(err, file, ErrorCodes.templateRender, true);
      }
    });
  }

  /** Keeps the compiled templates of this run for the next one. */
  saveCache(): void {
    this.cache.save();
  }

  getGlobal(name: string): unknown {
    return (this.env as unknown as { globals: Record<string, unknown> }).globals[name];
  }

  hasGlobal(name: string): boolean {
    return name in (this.env as unknown as { globals: Record<string, unknown> }).globals;
  }

  addGlobal(name: string, value: unknown): void {
    this.env.addGlobal(name, value);
  }

  private installNodeGlobals(): void {
    const globals = (this.env as unknown as { globals: Record<string, unknown> }).globals;
    const define = (name: string, get: () => unknown): void => {
      Object.defineProperty(globals, name, { get, enumerable: true, configurable: true });
    };
    const ref = (...args: unknown[]) => this.current.ref(splitArgs(args).positional.map(String));
    const source = (...args: unknown[]) => {
      const { positional } = splitArgs(args);
      return this.current.source(String(positional[0]), String(positional[1]));
    };
    const config = Object.assign(
      (...args: unknown[]) => {
        const { positional, kwargs } = splitArgs(args);
        const values =
          positional[0] && typeof positional[0] === 'object'
            ? { ...(positional[0] as object), ...kwargs }
            : kwargs;
        this.current.config(values);
        return '';
      },
      {
        get: (key: string, fallback: unknown = null) => this.current.configGet(key, fallback),
        require: (key: string) => {
          const value = this.current.configGet(key, undefined);
          if (value === undefined) throw new TbError(ErrorCodes.compilerError, `config '${key}' is required`);
          return value;
        },
      },
    );
    globals.ref = ref;
    globals.source = source;
    globals.config = config;
    define('this', () => this.current.self);
    define('model', () => this.current.model);
    define('execute', () => this.current.execute);
    globals.is_incremental = () => this.current.isIncremental;
  }

  private installStaticGlobals(): void {
    const { capabilities, target, vars, env, invocationId, runStartedAt, logger } = this.options;
    const add = (name: string, value: unknown) => this.env.addGlobal(name, value);
    add('target', target);
    add('return', returnFunction);
    add('invocation_id', invocationId);
    add('run_started_at', runStartedAtObject(runStartedAt));
    add('flags', { FULL_REFRESH: false, WHICH: 'compile' });
    add('env_var', (name: string, fallback?: unknown) => envVar(env, name, fallback));
    add('var', (...args: unknown[]) => {
      const { positional } = splitArgs(args);
      const name = String(positional[0]);
      if (name in vars) return vars[name];
      if (positional.length > 1) return positional[1];
      throw new TbError(ErrorCodes.varMissing, `required variable '${name}' is not set`, {
        hint: `set it in project.yml under vars:, or pass --vars '{${name}: ...}'`,
      });
    });
    add('log', (...args: unknown[]) => {
      const { positional, kwargs } = splitArgs(args);
      const info = Boolean(kwargs.info ?? positional[1]);
      const msg = String(positional[0] ?? '');
      if (info) logger?.info('template_log', msg);
      else logger?.debug('template_log', msg);
      return '';
    });
    add('exceptions', {
      raise_compiler_error: (msg: string) => {
        throw new TbError(ErrorCodes.compilerError, String(msg));
      },
      warn: (msg: string) => {
        logger?.warn('template_warning', String(msg));
        return '';
      },
    });
    add('adapter', {
      type: () => capabilities.type,
      quote: (name: string) => quoteIdentifier(capabilities, name),
      dispatch: (name: string) => this.dispatch(name),
    });
    add('dict', (...args: unknown[]) => splitArgs(args).kwargs);
    add('fromjson', (s: string) => JSON.parse(s));
    add('tojson', (v: unknown) => JSON.stringify(v));
    add('zip', (...lists: unknown[][]) => lists[0]?.map((_, i) => lists.map((l) => l[i])) ?? []);
  }

  /** `adapter.dispatch('x')`: `<adapter>__x`, then `default__x`; a project macro beats a builtin of that name. */
  dispatch(name: string): unknown {
    for (const candidate of [`${this.options.capabilities.type}__${name}`, `default__${name}`]) {
      if (this.hasGlobal(candidate)) return this.getGlobal(candidate);
    }
    throw new TbError(
      ErrorCodes.compilerError,
      `no implementation of macro '${name}' for adapter '${this.options.capabilities.type}'`,
      {
        hint: `define ${this.options.capabilities.type}__${name} or default__${name} in a macro file`,
      },
    );
  }
}

/** dbt's `run_started_at` is a datetime: printable, with strftime and isoformat. */
function runStartedAtObject(at: Date): Record<string, unknown> {
  const iso = at.toISOString();
  return {
    toString: () => iso.replace('T', ' ').replace('Z', '+00:00'),
    isoformat: () => iso,
    strftime: (fmt: string) =>
      fmt
        .replace(/%Y/g, iso.slice(0, 4))
        .replace(/%m/g, iso.slice(5, 7))
        .replace(/%d/g, iso.slice(8, 10))
        .replace(/%H/g, iso.slice(11, 13))
        .replace(/%M/g, iso.slice(14, 16))
        .replace(/%S/g, iso.slice(17, 19)),
  };
}
