/**
 * One logger for every command: human lines on a terminal, or one JSON object per line (`--log-format json`)
 * for containers and CloudWatch metric filters. Library code logs through an injected Logger only.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFormat = 'text' | 'json';

export interface LogEvent {
  readonly level: LogLevel;
  /** Stable event name for machines, e.g. `node_finished`, `load_progress`. */
  readonly event: string;
  /** The line a person reads. */
  readonly msg: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface Logger {
  readonly format: LogFormat;
  /** True when a person watches a terminal: progress bars and colours are allowed. */
  readonly interactive: boolean;
  log(event: LogEvent): void;
  info(event: string, msg: string, data?: Record<string, unknown>): void;
  warn(event: string, msg: string, data?: Record<string, unknown>): void;
  error(event: string, msg: string, data?: Record<string, unknown>): void;
  debug(event: string, msg: string, data?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  readonly format?: LogFormat;
  readonly out?: NodeJS.WritableStream & { isTTY?: boolean };
  readonly debug?: boolean;
  /** Applied to every text and JSON line: masks secrets (passwords) wherever they would appear. */
  readonly redact?: (text: string) => string;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const out = options.out ?? process.stdout;
  const format = options.format ?? 'text';
  const redact = options.redact ?? ((t: string) => t);
  const interactive = format === 'text' && Boolean(out.isTTY);
  const log = (e: LogEvent): void => {
    if (e.level === 'debug' && !options.debug) return;
    if (format === 'json') {
      const line = {
        ts: new Date().toISOString(),
        level: e.level,
        event: e.event,
        msg: e.msg,
        ...(e.data ?? {}),
      };
      out.write(redact(JSON.stringify(line)) + '\n');
    } else {
      const time = new Date().toISOString().slice(11, 19);
      out.write(redact(`${time}  ${e.msg}`) + '\n');
    }
  };
  const at =
    (level: LogLevel) =>
    (event: string, msg: string, data?: Record<string, unknown>): void =>
      log({ level, event, msg, data });
  return {
    format,
    interactive,
    log,
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    debug: at('debug'),
  };
}

/** A logger that keeps events in memory: for tests and for callers that render their own output. */
export function createMemoryLogger(): Logger & { readonly events: LogEvent[] } {
  const events: LogEvent[] = [];
  const at =
    (level: LogLevel) =>
    (event: string, msg: string, data?: Record<string, unknown>): void => {
      events.push({ level, event, msg, data });
    };
  return {
    format: 'text',
    interactive: false,
    events,
    log: (e) => events.push(e),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    debug: at('debug'),
  };
}
