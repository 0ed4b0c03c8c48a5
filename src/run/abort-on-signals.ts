import type { Logger } from '../core/logger';

/**
 * Ctrl-C (SIGINT) and SIGTERM (a container stopping) abort the run through `controller`: running
 * statements are cancelled and temporaries dropped. A second Ctrl-C is left to Node's default (exit).
 * Returns a function that removes the handlers. For the CLI; library code takes an AbortSignal.
 */
export function abortOnSignals(controller: AbortController, logger: Logger): () => void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  const handler = (signal: NodeJS.Signals): void => {
    logger.warn(
      'run_interrupted',
      `${signal} received: cancelling running statements and dropping temporaries`,
      {
        signal,
      },
    );
    for (const s of signals) process.removeListener(s, handler);
    controller.abort();
  };
  for (const s of signals) process.once(s, handler);
  return () => {
    for (const s of signals) process.removeListener(s, handler);
  };
}
