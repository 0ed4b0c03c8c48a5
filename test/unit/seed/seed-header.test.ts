import type { TbError } from '../../../src/core/errors';
import { validateHeader } from '../../../src/seed/seed-header';

function headerError(raw: string[]): TbError {
  try {
    validateHeader(raw, '/p/seeds/codes.csv', 64);
  } catch (err) {
    return err as TbError;
  }
  throw new Error('expected an error');
}

describe('validateHeader', () => {
  it('trims names and keeps their case and script', () => {
    expect(validateHeader([' id ', 'Name', '区'], 'f.csv', 64)).toEqual(['id', 'Name', '区']);
  });

  it('names the file and the empty column', () => {
    const err = headerError(['id', ' ', 'name']);
    expect(err.code).toBe('TB601');
    expect(err.file).toBe('/p/seeds/codes.csv');
    expect(err.line).toBe(1);
    expect(err.message).toBe('column 2 of the header has no name');
  });

  it('names a duplicate column, compared case-insensitively as the engines do', () => {
    const err = headerError(['id', 'code', 'ID']);
    expect(err.message).toBe("column 'ID' appears twice in the header (columns 1 and 3)");
  });

  it('refuses names longer than the identifier limit', () => {
    expect(headerError(['x'.repeat(65)]).message).toMatch(/longer than 64 characters/);
  });
});
