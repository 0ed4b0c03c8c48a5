import { Command } from 'commander';
import { commandsFor } from '../../../src/cli/commands';

describe('commandsFor (only the invoked command is loaded)', () => {
  const names = (argv: string[]) => {
    const program = new Command('tb');
    for (const register of commandsFor(argv)) register(program);
    return program.commands.map((c) => c.name());
  };

  it('registers just the command named first, aliases included', () => {
    expect(names(['node', 'tb', 'compile', '--select', 'x'])).toEqual(['compile']);
    expect(names(['node', 'tb', 'list'])).toEqual(['ls']);
    expect(names(['node', 'tb', 'source', 'freshness'])).toEqual(['source']);
  });

  it('registers every command for help, a version, or a name it does not know', () => {
    const all = names(['node', 'tb', '--help']);
    expect(all).toHaveLength(20);
    expect(all.slice(0, 3)).toEqual(['parse', 'compile', 'ls']);
    expect(names(['node', 'tb'])).toEqual(all);
    expect(names(['node', 'tb', 'help', 'compile'])).toEqual(all);
    expect(names(['node', 'tb', 'compil'])).toEqual(all);
  });
});
