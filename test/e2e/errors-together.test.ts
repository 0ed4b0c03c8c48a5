import { join } from 'node:path';
import { runTbSync } from '../helpers/spawn-tb';

/** `tb parse` on the broken fixture: every error printed in one run, each at file:line:col with a hint. */
describe('tb parse on a broken project', () => {
  const broken = join(__dirname, '..', 'fixtures', 'projects', 'broken');
  const run = runTbSync(['parse', '--project-dir', broken, '--no-partial-parse'], __dirname);
  const errorLines = run.err.split('\n').filter((l) => / \[TB\d{3}\] /.test(l));

  it('exits 1, a project error', () => {
    expect(run.code).toBe(1);
  });

  it('prints all twelve errors, each as file:line:col followed by a hint line', () => {
    expect(run.err).toContain('12 errors found in the project:');
    expect(errorLines).toHaveLength(12);
    const lines = run.err.split('\n');
    for (const line of errorLines) {
      expect(line).toMatch(/^[\w./-]+:\d+:\d+: \[TB\d{3}\] \S/);
      expect(lines[lines.indexOf(line) + 1]).toMatch(/^ {2}hint: \S/);
    }
  });

  it('tells two identical bad refs apart by their place', () => {
    expect(errorLines).toEqual(
      expect.arrayContaining([
        "models/a/refs.sql:2:9: [TB203] ref('dupp') matches no model, seed or snapshot",
        "models/a/refs.sql:4:9: [TB203] ref('dupp') matches no model, seed or snapshot",
        "models/a/refs.sql:3:9: [TB204] source('pms', 'roomz') is not declared in any properties file",
        "models/a/config-block.yml:5:7: [TB102] unknown config key 'materalized' under models:",
        "project.yml:3:1: [TB102] unknown key 'model-path' in project.yml",
      ]),
    );
  });
});
