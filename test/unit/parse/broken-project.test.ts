import { join } from 'node:path';
import { DiagnosticsError, type TbError } from '../../../src/core/errors';
import { loadProject } from '../../../src/project/load-project';

/**
 * The broken fixture holds one of every project error; all must be reported in one run, each with its
 * file, line, column and a hint.
 */
describe('a broken project', () => {
  const dir = join(__dirname, '..', '..', 'fixtures', 'projects', 'broken');

  function errors(): readonly TbError[] {
    try {
      loadProject({ projectDir: dir, partialParse: false });
    } catch (err) {
      expect(err).toBeInstanceOf(DiagnosticsError);
      return (err as DiagnosticsError).errors;
    }
    throw new Error('the broken project parsed without errors');
  }

  const where = (e: TbError) => `${e.code} ${e.file}:${e.line}:${e.column}`;

  it('reports every error in one run, at its file, line and column', () => {
    expect(errors().map((e) => `${where(e)} ${e.message}`)).toEqual(
      expect.arrayContaining([
        "TB102 project.yml:3:1 unknown key 'model-path' in project.yml",
        "TB102 project.yml:6:5 unknown config key '+materalized' under models:",
        'TB201 models/a/syntax.sql:2:7 unexpected token: %}',
        "TB203 models/a/refs.sql:2:9 ref('dupp') matches no model, seed or snapshot",
        "TB203 models/a/refs.sql:4:9 ref('dupp') matches no model, seed or snapshot",
        "TB204 models/a/refs.sql:3:9 source('pms', 'roomz') is not declared in any properties file",
        "TB102 models/a/cfg.sql:1:11 unknown config key 'uniqe_key' under models:",
        "TB102 models/a/config-block.yml:5:7 unknown config key 'materalized' under models:",
        "TB102 models/a/props.yml:8:5 unknown key 'descripton' in models entry 'cfg'",
        "TB206 models/a/props.yml:11:17 unknown generic test 'uniqe'",
        "TB205 models/b/dup.sql:1:1 two resources are named 'dup': models/a/dup.sql and models/b/dup.sql",
        'TB101 models/b/bad.yml:5:1 invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ]),
    );
    expect(errors()).toHaveLength(12);
  });

  it('gives every error a hint, the nearest name where there is one', () => {
    const hints = Object.fromEntries(errors().map((e) => [`${where(e)}`, e.hint]));
    expect(hints).toEqual({
      'TB102 project.yml:3:1': "did you mean 'model-paths'?",
      'TB102 project.yml:6:5': "did you mean 'materialized'?",
      'TB201 models/a/syntax.sql:2:7': "write {% if condition %}: something is missing before '%}'",
      'TB203 models/a/refs.sql:2:9': "did you mean 'dup'?",
      'TB203 models/a/refs.sql:4:9': "did you mean 'dup'?",
      'TB204 models/a/refs.sql:3:9': "did you mean 'pms.rooms'?",
      'TB102 models/a/cfg.sql:1:11': "did you mean 'unique_key'?",
      'TB102 models/a/config-block.yml:5:7': "did you mean 'materialized'?",
      'TB102 models/a/props.yml:8:5': "did you mean 'description'?",
      'TB206 models/a/props.yml:11:17': "did you mean 'unique'?",
      'TB205 models/b/dup.sql:1:1': expect.stringMatching(/^rename one of the files/),
      'TB101 models/b/bad.yml:5:1': expect.stringMatching(/\[ list .* is not closed: add the \]/),
    });
    for (const e of errors()) {
      expect({ file: e.file, line: e.line, column: e.column, hint: e.hint }).toEqual({
        file: expect.any(String),
        line: expect.any(Number),
        column: expect.any(Number),
        hint: expect.stringMatching(/\S/),
      });
    }
  });
});
