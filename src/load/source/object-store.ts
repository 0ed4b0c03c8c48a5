import type { Readable } from 'node:stream';
import { ErrorCodes, TbError } from '../../core/errors';

/**
 * The little of S3 the loader needs. The real implementation uses @aws-sdk/client-s3 (streaming GetObject,
 * the standard credential chain); tests inject a fake or point it at a local S3-compatible server.
 */
export interface ObjectStore {
  get(bucket: string, key: string): Promise<{ body: Readable; size: number | null }>;
  /** Every key under the prefix (all pages). */
  list(bucket: string, prefix: string): Promise<string[]>;
}

export interface S3Location {
  readonly bucket: string;
  readonly key: string;
}

export function parseS3Url(url: string): S3Location {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (!m) throw new TbError(ErrorCodes.configInvalidValue, `not an S3 URL: ${url}`);
  return { bucket: m[1], key: m[2] };
}

/**
 * The AWS SDK v3 store: streaming GetObject and the standard credential chain (environment, profile, ECS
 * task role, instance metadata). The SDK is loaded on first use only: it costs ~100 ms at start-up.
 * An endpoint override (`AWS_ENDPOINT_URL_S3` / `AWS_ENDPOINT_URL`, read by the SDK itself) switches to
 * path-style addressing, which S3-compatible servers on a host name or IP need.
 */
export function awsObjectStore(env: NodeJS.ProcessEnv = process.env): ObjectStore {
  const customEndpoint = Boolean(env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL);
  const client = import('@aws-sdk/client-s3').then((sdk) => ({
    sdk,
    s3: new sdk.S3Client({ forcePathStyle: customEndpoint }),
  }));
  return {
    async get(bucket, key) {
      const { sdk, s3 } = await client;
      const out = await s3.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key }));
      return { body: out.Body as Readable, size: out.ContentLength ?? null };
    },
    async list(bucket, prefix) {
      const { sdk, s3 } = await client;
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await s3.send(
          new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
        );
        for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
        token = page.NextContinuationToken;
      } while (token);
      return keys;
    },
  };
}
