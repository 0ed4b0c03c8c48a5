import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the next GetObject of a key does instead of answering normally. */
export type S3Fault = 'status-500' | 'cut-midway';

/**
 * The little of S3 that tb reads, over HTTP on 127.0.0.1, path-style: GetObject (streamed, no Range) and
 * ListObjectsV2. Faults are queued per key, to test retries. Written for the tests instead of a package:
 * the S3-compatible servers on npm pull in a web framework each and none lets a test cut a body midway.
 */
export class LocalS3 {
  private readonly objects = new Map<string, Buffer>();
  private readonly faults = new Map<string, S3Fault[]>();
  readonly requests: string[] = [];
  private server?: Server;

  put(bucket: string, key: string, body: Buffer | string): void {
    this.objects.set(`${bucket}/${key}`, Buffer.isBuffer(body) ? body : Buffer.from(body));
  }

  failNext(bucket: string, key: string, ...faults: S3Fault[]): void {
    this.faults.set(`${bucket}/${key}`, [...(this.faults.get(`${bucket}/${key}`) ?? []), ...faults]);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [, bucket, ...rest] = url.pathname.split('/').map(decodeURIComponent);
    const key = rest.join('/');
    this.requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (req.method === 'GET' && key === '' && url.searchParams.get('list-type') === '2') {
      return this.list(res, bucket, url.searchParams.get('prefix') ?? '');
    }
    if (req.method !== 'GET') return this.error(res, 405, 'MethodNotAllowed');
    const body = this.objects.get(`${bucket}/${key}`);
    if (!body) return this.error(res, 404, 'NoSuchKey');
    const fault = this.faults.get(`${bucket}/${key}`)?.shift();
    if (fault === 'status-500') return this.error(res, 500, 'InternalError');
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
    if (fault === 'cut-midway') {
      // Half the body, then the connection drops: what a proxy or S3 itself does on an internal error mid-stream.
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
      return;
    }
    res.end(body);
  }

  private list(res: ServerResponse, bucket: string, prefix: string): void {
    const keys = [...this.objects.keys()]
      .filter((k) => k.startsWith(`${bucket}/${prefix}`))
      .map((k) => k.slice(bucket.length + 1))
      .sort();
    const contents = keys
      .map(
        (k) =>
          `<Contents><Key>${escapeXml(k)}</Key><Size>${this.objects.get(`${bucket}/${k}`)!.length}</Size></Contents>`,
      )
      .join('');
    res.writeHead(200, { 'content-type': 'application/xml' });
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">` +
        `<Name>${escapeXml(bucket)}</Name><Prefix>${escapeXml(prefix)}</Prefix><KeyCount>${keys.length}</KeyCount>` +
        `<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>${contents}</ListBucketResult>`,
    );
  }

  private error(res: ServerResponse, status: number, code: string): void {
    res.writeHead(status, { 'content-type': 'application/xml' });
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`,
    );
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
