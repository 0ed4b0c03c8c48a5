import type * as CsvParse from 'csv-parse';
import { lazyModule } from '../core/lazy-module';

/** csv-parse takes ~20 ms to load; only seeds need it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
export const csvParse = lazyModule(() => require('csv-parse') as typeof CsvParse);
