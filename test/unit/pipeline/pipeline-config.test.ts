import type { TbError } from '../../../src/core/errors';
import { parseDuration } from '../../../src/pipeline/duration';
import { readPipelineConfig } from '../../../src/pipeline/pipeline-config';

function error(fn: () => unknown): TbError {
  try {
    fn();
  } catch (err) {
    return err as TbError;
  }
  throw new Error('expected an error');
}

describe('pipeline: in project.yml', () => {
  it('defaults to the current system: staging 2 × 5 min, silver and gold 3 × 1 min', () => {
    const config = readPipelineConfig(undefined);
    expect(config.stages.map((s) => [s.name, s.kind, s.retries, s.delayMs])).toEqual([
      ['staging', 'load', 2, 300_000],
      ['seed', 'seed', 3, 60_000],
      ['silver', 'models', 3, 60_000],
      ['gold', 'models', 3, 60_000],
      ['tests', 'tests', 3, 60_000],
    ]);
    expect(config.keepBackups).toBe(7);
    expect(config.backupLayers).toEqual(['silver', 'gold']);
  });

  it('merges stage settings over the defaults and keeps the order', () => {
    const config = readPipelineConfig({
      stages: { gold: { retries: 5, delay: '90s', select: 'gold tag:daily' }, seed: { enabled: false } },
      backups: { keep: 3 },
    });
    expect(config.stages.map((s) => s.name)).toEqual(['staging', 'silver', 'gold', 'tests']);
    expect(config.stages[2]).toMatchObject({ retries: 5, delayMs: 90_000, select: ['gold tag:daily'] });
    expect(config.keepBackups).toBe(3);
  });

  it('suggests the nearest key for a misspelled one', () => {
    expect(error(() => readPipelineConfig({ stages: { gold: { retires: 2 } } })).hint).toBe(
      "did you mean 'retries'?",
    );
    expect(error(() => readPipelineConfig({ stages: { glod: {} } })).hint).toBe("did you mean 'gold'?");
    expect(error(() => readPipelineConfig({ stagse: {} })).hint).toBe("did you mean 'stages'?");
    expect(error(() => readPipelineConfig({ stages: { gold: { kind: 'modles' } } })).hint).toBe(
      "did you mean 'models'?",
    );
  });

  it('refuses bad values', () => {
    expect(error(() => readPipelineConfig({ stages: { gold: { retries: -1 } } })).message).toContain(
      'retries must be a whole number',
    );
    expect(error(() => readPipelineConfig({ stages: { gold: { delay: 'soon' } } })).message).toContain(
      "'soon' is not a duration",
    );
    expect(error(() => readPipelineConfig({ order: ['staging', 'platinum'] })).message).toContain(
      "no stage 'platinum'",
    );
  });

  it('accepts a custom stage with a kind', () => {
    const config = readPipelineConfig({ stages: { marts: { kind: 'models', select: 'marts', retries: 1 } } });
    expect(config.stages.map((s) => s.name)).toEqual(['staging', 'seed', 'silver', 'gold', 'tests', 'marts']);
    expect(config.backupLayers).toEqual(['silver', 'gold', 'marts']);
  });

  it('reads durations', () => {
    expect([parseDuration('5m', 'x'), parseDuration('250ms', 'x'), parseDuration(2, 'x')]).toEqual([
      300_000, 250, 2000,
    ]);
  });
});
