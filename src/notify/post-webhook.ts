import type { Logger } from '../core/logger';

export interface PostOptions {
  readonly timeoutMs?: number;
  readonly redact: (text: string) => string;
  readonly logger: Logger;
}

/**
 * POSTs a JSON message. A notification that cannot be sent is logged, never thrown: the pipeline's own
 * outcome and exit code must not depend on Slack. The URL is a credential and is never logged.
 */
export async function postWebhook(url: string, message: unknown, options: PostOptions): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: options.redact(JSON.stringify(message)),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    if (!response.ok) {
      options.logger.warn('notify_failed', `the failure notification got HTTP ${response.status}`, {
        status: response.status,
      });
      return false;
    }
    options.logger.info('notify_sent', 'failure notification sent');
    return true;
  } catch (err) {
    options.logger.warn(
      'notify_failed',
      `the failure notification could not be sent: ${(err as Error).message}`,
    );
    return false;
  }
}
