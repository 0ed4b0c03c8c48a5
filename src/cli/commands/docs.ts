import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { createAdapter } from '../../adapters/create-adapter';
import { loadProjectConfig } from '../../config/project-config';
import { Diagnostics, ErrorCodes, TbError } from '../../core/errors';
import { createDocsServer, generateDocs } from '../../docs';
import { loadProject } from '../../project/load-project';
import { loggerFor, withProjectOptions, type GlobalOptions } from '../global-options';
import { runAction } from '../run-action';

interface GenerateFlags extends GlobalOptions {
  /** commander's negation of --empty-catalog is absent; true means: do not ask the warehouse. */
  readonly emptyCatalog?: boolean;
}

interface ServeFlags extends GlobalOptions {
  readonly port: number;
  readonly host: string;
}

/** `tb docs generate` writes target/docs (a static site that works from file://); `tb docs serve` serves it. */
export function registerDocs(program: Command): void {
  const docs = program.command('docs').description('the project documentation site');
  withProjectOptions(
    docs
      .command('generate')
      .description('write target/docs: every node with its columns, SQL, tests, last status and lineage'),
  )
    .option('--empty-catalog', 'do not ask the warehouse for column types (use the YAML data_type)')
    .action(runAction(generate));
  withProjectOptions(docs.command('serve').description('serve target/docs over http until Ctrl-C'))
    .option('--port <n>', 'port to listen on (0: any free port)', parsePort, 8080)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .action(runAction(serve));
}

async function generate(opts: GenerateFlags): Promise<number> {
  const logger = loggerFor(opts);
  const started = performance.now();
  const project = loadProject({ ...opts, logger });
  const adapter = opts.emptyCatalog ? undefined : createAdapter(project.target, { poolSize: 4 });
  try {
    const result = await generateDocs(project, { adapter, logger });
    const count = Object.keys(result.catalog.nodes).length;
    if (result.compileErrors > 0) {
      logger.warn(
        'docs_compile_errors',
        `${result.compileErrors} nodes did not compile: their pages show why`,
      );
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    logger.info('docs_generated', `Wrote docs for ${count} nodes to ${result.outDir} in ${seconds}s`, {
      nodes: count,
      path: result.outDir,
      warehouse: result.catalog.metadata.warehouse,
    });
    logger.info('docs_open', `Open ${join(result.outDir, 'index.html')}, or run: tb docs serve`);
    return 0;
  } finally {
    await adapter?.close().catch(() => undefined);
  }
}

/** Serves until SIGINT or SIGTERM, then closes the server and returns 0. */
async function serve(opts: ServeFlags): Promise<number> {
  const logger = loggerFor(opts);
  const projectDir = resolve(opts.projectDir ?? process.cwd());
  const config = loadProjectConfig(projectDir, new Diagnostics());
  const root = join(projectDir, config.targetPath, 'docs');
  if (!existsSync(join(root, 'index.html'))) {
    throw new TbError(ErrorCodes.projectNotFound, `no docs in ${root}`, { hint: 'run: tb docs generate' });
  }
  const server = createDocsServer(root);
  const port = await listen(server, opts.port, opts.host);
  const shown = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  logger.info('docs_serving', `Serving ${root} at http://${shown}:${port}/ (Ctrl-C to stop)`, { port });
  await untilSignal();
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  logger.info('docs_stopped', 'Stopped serving docs');
  return 0;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      fail(
        err.code === 'EADDRINUSE'
          ? new TbError(ErrorCodes.configInvalidValue, `port ${port} on ${host} is already in use`, {
              hint: 'pick another with --port, or --port 0 for any free one',
            })
          : err,
      ),
    );
    server.listen(port, host, () => {
      const address = server.address();
      done(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function untilSignal(): Promise<void> {
  return new Promise((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port from 0 to 65535');
  return n;
}
