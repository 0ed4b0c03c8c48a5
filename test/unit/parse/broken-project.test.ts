import { join } from 'node:path';
import { DiagnosticsError } from '../../../src/core/errors';
import { loadProject } from '../../../src/project/load-project';

/** The broken fixture holds one of every project error; all must be reported together with their place. */
describe('a broken project', () => {
  const dir = join(__dirname, '..', '..', 'fixtures', 'projects', 'broken');

  function errors(): { code: string; file?: string; line?: number; message: string; hint?: string }[] {
    try {
      loadProject({ projectDir: dir });
    } catch (err) {
      expect(err).toBeInstanceOf(DiagnosticsError);
      return [...(err as DiagnosticsError).errors];
    }
    throw new Error('the broken project parsed without errors');
  }

  it('reports every error at once, each with file, line and a hint', () => {
    const found = errors().map((e) => `${e.code} ${e.file}:${e.line ?? '-'} ${e.message} | ${e.hint ?? ''}`);
    expect(found).toEqual(
      expect.arrayContaining([
        "TB102 project.yml:5 unknown config key '+materalized' under models: | did you mean 'materialized'?",
        'TB201 models/a/syntax.sql:2 unexpected token: %} | ',
        "TB203 models/a/refs.sql:2 ref('dupp') matches no model, seed or snapshot | did you mean 'dup'?",
        "TB204 models/a/refs.sql:3 source('pms', 'roomz') is not declared in any properties file | did you mean 'pms.rooms'?",
        "TB102 models/a/cfg.sql:1 unknown config key 'uniqe_key' under models: | did you mean 'unique_key'?",
        "TB102 models/a/props.yml:8 unknown key 'descripton' in models entry 'cfg' | did you mean 'description'?",
        "TB206 models/a/props.yml:11 unknown generic test 'uniqe' | did you mean 'unique'?",
        expect.stringMatching(/^TB205 models\/b\/dup\.sql:- two resources are named 'dup'/),
        expect.stringMatching(/^TB101 models\/b\/bad\.yml:5 invalid YAML/),
      ]),
    );
    expect(found).toHaveLength(9);
  });
});
