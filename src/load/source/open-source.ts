import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ErrorCodes, TbError } from '../../core/errors';
import { dumpDateFromName, latestDumpKey } from './dump-date';
import { awsObjectStore, parseS3Url, type ObjectStore } from './object-store';

export interface DumpSource {
  /** As given (a path, `-`, an s3:// URL with the chosen key). */
  readonly name: string;
  /** Decompressed dump bytes. */
  readonly stream: Readable;
  /** Size of what is read (the compressed size for .gz), when known. */
  readonly totalBytes: number | null;
  /** Bytes read so far, comparable with totalBytes. */
  bytesRead(): number;
  readonly dumpDate: string | null;
}

export interface SourceOptions {
  /** `s3://bucket/prefix/ --latest`: pick the newest `*_YYYYMMDD.sql[.gz]` under the prefix. */
  readonly latest?: boolean;
  readonly stdin?: Readable;
  readonly objectStore?: ObjectStore;
}

const READ_CHUNK = 1 << 20;

/** A path, `-` for stdin, or s3://bucket/key; `.gz` is gunzipped as it streams. */
export async function openSource(spec: string, options: SourceOptions = {}): Promise<DumpSource> {
  if (spec === '-') return wrap('stdin', options.stdin ?? process.stdin, null, false);
  if (spec.startsWith('s3://')) return openS3(spec, options);
  let size: number;
  try {
    size = statSync(spec).size;
  } catch (err) {
    throw new TbError(
      ErrorCodes.configInvalidValue,
      `cannot read the dump ${spec}: ${(err as Error).message}`,
    );
  }
  return wrap(spec, createReadStream(spec, { highWaterMark: READ_CHUNK }), size, spec.endsWith('.gz'));
}

async function openS3(url: string, options: SourceOptions): Promise<DumpSource> {
  const store = options.objectStore ?? awsObjectStore();
  const { bucket, key: given } = parseS3Url(url);
  let key = given;
  if (options.latest) {
    const found = latestDumpKey(await store.list(bucket, given));
    if (!found) throw new TbError(ErrorCodes.configInvalidValue, `no *_YYYYMMDD.sql[.gz] under ${url}`);
    key = found;
  }
  const object = await store.get(bucket, key);
  return wrap(`s3://${bucket}/${key}`, object.body, object.size, key.endsWith('.gz'));
}

function wrap(name: string, raw: Readable, totalBytes: number | null, gzip: boolean): DumpSource {
  let read = 0;
  const counter = new Transform({
    highWaterMark: READ_CHUNK,
    transform(chunk: Buffer, _enc, done) {
      read += chunk.length;
      done(null, chunk);
    },
  });
  raw.on('error', (err) => counter.destroy(err));
  const counted = raw.pipe(counter);
  let stream: Readable = counted;
  if (gzip) {
    const gunzip = createGunzip({ chunkSize: READ_CHUNK });
    counted.on('error', (err) => gunzip.destroy(err));
    stream = counted.pipe(gunzip);
  }
  return { name, stream, totalBytes, bytesRead: () => read, dumpDate: dumpDateFromName(basename(name)) };
}
