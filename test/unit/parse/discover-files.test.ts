import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ProjectFiles } from '../../../src/parse/discover-files';

describe('ProjectFiles', () => {
  const project = (files: string[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-files-'));
    for (const f of files) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), '');
    }
    return dir;
  };

  it('finds files by extension under each folder, sorted, with paths relative to project and folder', () => {
    const dir = project([
      'models/gold/b.sql',
      'models/gold/a.sql',
      'models/silver/x.sql',
      'models/schema.yml',
      'models/.hidden.sql',
      'models/.git/c.sql',
      'macros/m.sql',
    ]);
    const files = new ProjectFiles(dir);
    expect(files.find(['models'], ['.sql'])).toEqual([
      {
        originalFilePath: 'models/gold/a.sql',
        path: 'gold/a.sql',
        absolutePath: join(dir, 'models/gold/a.sql'),
      },
      {
        originalFilePath: 'models/gold/b.sql',
        path: 'gold/b.sql',
        absolutePath: join(dir, 'models/gold/b.sql'),
      },
      {
        originalFilePath: 'models/silver/x.sql',
        path: 'silver/x.sql',
        absolutePath: join(dir, 'models/silver/x.sql'),
      },
    ]);
    expect(files.find(['models', 'macros'], ['.yml', '.sql']).map((f) => f.originalFilePath)).toEqual([
      'macros/m.sql',
      'models/gold/a.sql',
      'models/gold/b.sql',
      'models/schema.yml',
      'models/silver/x.sql',
    ]);
  });

  it('reads folders written with a trailing slash, ".", or outside the project', () => {
    const dir = project(['models/a.sql', 'top.sql']);
    const shared = project(['shared/s.sql']);
    const files = new ProjectFiles(dir);
    expect(files.find(['models/'], ['.sql']).map((f) => [f.originalFilePath, f.path])).toEqual([
      ['models/a.sql', 'a.sql'],
    ]);
    expect(files.find(['.'], ['.sql']).map((f) => [f.originalFilePath, f.path])).toEqual([
      ['models/a.sql', 'models/a.sql'],
      ['top.sql', 'top.sql'],
    ]);
    const outside = files.find([join('..', shared.split('/').pop()!, 'shared')], ['.sql']);
    expect(outside.map((f) => f.path)).toEqual(['s.sql']);
    expect(outside[0].originalFilePath).toMatch(/^\.\.\/tb-files-.*\/shared\/s\.sql$/);
  });

  it('follows a symbolic link to a folder, and skips a missing folder', () => {
    const dir = project(['elsewhere/linked/l.sql', 'models/a.sql']);
    symlinkSync(join(dir, 'elsewhere', 'linked'), join(dir, 'models', 'linked'));
    const files = new ProjectFiles(dir);
    expect(files.find(['models', 'no_such_folder'], ['.sql']).map((f) => f.path)).toEqual([
      'a.sql',
      'linked/l.sql',
    ]);
  });
});
