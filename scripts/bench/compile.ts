/**
 * bench:compile — generates projects of 1,000 and 5,000 models (20–30 lines each: CTEs, a join, a CASE,
 * 1–3 refs or sources, a config with tags, a schema.yml with a description and a not_null test per model)
 * and times `tb compile` (parse + render of every node) with its peak RSS: cold, warm (partial parsing), and
 * warm after one model is edited.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { measure, type Measured } from './measure';

const ROOT = join(__dirname, '..', '..', 'bench-data', 'compile');
/**
 * Nothing is deleted before the last measurement: folders to drop are moved here and removed at the end.
 * On a journal-less ext4 (this machine's disk) the kernel will not reuse an inode freed in the last 1-6
 * minutes, and skips such inodes one by one on every file it creates (ext4's recently_deleted()): creating
 * 10,000 files right after deleting 10,000 took 6-7 s of kernel time here instead of 0.2 s. A bench that
 * deleted its last run's files first would be timing that.
 */
const TRASH = join(ROOT, 'trash');
let discarded = 0;

function discard(path: string): void {
  if (!existsSync(path)) return;
  mkdirSync(TRASH, { recursive: true });
  renameSync(path, join(TRASH, `${process.pid}-${discarded++}`));
}
const TB = join(__dirname, '..', '..', 'bin', 'tb.js');

function model(i: number): string {
  const refs = [`{{ source('pms', 't${i % 20}') }}`];
  if (i >= 20) refs.push(`{{ ref('m${i - 1 - (i % 7)}') }}`);
  if (i >= 40) refs.push(`{{ ref('m${i - 17 - (i % 11)}') }}`);
  return `{{ config(materialized='table', tags=['layer_${i % 5}', 'bench']) }}
with base as (
    select id, amount, created_at, category
    from ${refs[0]}
    where id is not null
),
${refs
  .slice(1)
  .map((r, k) => `dep${k} as (\n    select id, amount as dep_amount\n    from ${r}\n),`)
  .join('\n')}
joined as (
    select
        b.id,
        b.amount,
        ${refs.length > 1 ? 'd0.dep_amount' : '0 as dep_amount'},
        case
            when b.amount > 1000 then 'high'
            when b.amount > 100 then 'mid'
            else 'low'
        end as band,
        {{ date_trunc('month', 'b.created_at') }} as month
    from base b
    ${refs.length > 1 ? 'left join dep0 d0 on d0.id = b.id' : ''}
)
select * from joined
`;
}

function writeBenchProject(n: number): string {
  const dir = join(ROOT, `p${n}`);
  discard(dir);
  mkdirSync(join(dir, 'models'), { recursive: true });
  writeFileSync(
    join(dir, 'project.yml'),
    `name: bench\nprofile: bench\nmodels:\n  bench:\n    +schema: silver\n`,
  );
  const tables = Array.from({ length: 20 }, (_, t) => `      - name: t${t}`).join('\n');
  let yml = `version: 2\nsources:\n  - name: pms\n    schema: staging\n    tables:\n${tables}\nmodels:\n`;
  for (let i = 0; i < n; i++) {
    const folder = join(dir, 'models', `f${i % 50}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `m${i}.sql`), model(i));
    yml += `  - name: m${i}\n    description: model ${i}\n    columns:\n      - name: id\n        tests: [not_null]\n`;
  }
  writeFileSync(join(dir, 'models', 'schema.yml'), yml);
  return dir;
}

/** Every file under `root`: its path below root and its text. */
function filesUnder(root: string): [string, string][] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const path = join(e.parentPath, e.name);
      return [relative(root, path), readFileSync(path, 'utf8')];
    });
}

/**
 * The baseline for a cold compile: plain Node writing the very files tb just wrote (same folders, same
 * bytes, one folder made once each) into a fresh folder, right after tb, on the same disk. This is what
 * creating target/compiled costs by itself, whatever state the file system is in.
 */
function writeSameFiles(compiled: string, into: string): { seconds: number; count: number } {
  const files = filesUnder(compiled);
  discard(into);
  const made = new Set<string>();
  const started = performance.now();
  for (const [path, text] of files) {
    const full = join(into, path);
    const folder = dirname(full);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(full, text);
  }
  return { seconds: (performance.now() - started) / 1000, count: files.length };
}

async function tb(dir: string, command: 'parse' | 'compile'): Promise<Measured> {
  const quiet = command === 'compile' ? ['--quiet'] : [];
  const r = await measure(process.execPath, [TB, command, '--project-dir', dir, ...quiet], dir);
  if (r.code !== 0) throw new Error(`tb ${command} failed: ${r.stderr}`);
  return r;
}

function line(n: number, label: string, r: Measured): void {
  const what = `${String(n).padStart(5)} models, ${label}:`.padEnd(38);
  const cpu = `${r.userSeconds.toFixed(2)} s user, ${r.kernelSeconds.toFixed(2)} s kernel`;
  console.log(`${what} ${r.seconds.toFixed(2)} s wall (${cpu}), peak RSS ${r.peakRssMb.toFixed(0)} MB`);
}

async function main(): Promise<void> {
  console.log('tb compile: parse + render every node (target: 5,000 models in < 2 s and < 500 MB)');
  console.log('cold: no target/ (every compiled file created); warm: partial parsing, unchanged files kept');
  console.log('user and kernel: CPU time of the tb process (the kernel part is mostly creating files)');
  for (const n of [1000, 5000]) {
    const dir = writeBenchProject(n);
    // Cold: no target/ (no partial parsing, every compiled file created). Warm: unchanged project, median
    // of three. One model edited: the developer's loop, where only that template is compiled again.
    // tb parse (manifest only): the step dbt's figure below measures, with no compiled file to create.
    const parsed = await tb(dir, 'parse');
    line(n, 'tb parse, cold', parsed);
    discard(join(dir, 'target'));
    const cold = await tb(dir, 'compile');
    line(n, 'cold', cold);
    const same = writeSameFiles(join(dir, 'target', 'compiled'), join(ROOT, `baseline-p${n}`));
    console.log(
      `${''.padEnd(38)} plain Node writing the same ${same.count} files right after: ${same.seconds.toFixed(2)} s wall`,
    );
    if (cold.kernelSeconds > 1 || same.seconds > 1) {
      console.log(
        `${''.padEnd(38)} (the file system was slow to create files in this run: see "Benchmarks" in the README)`,
      );
    }
    const warm = [await tb(dir, 'compile'), await tb(dir, 'compile'), await tb(dir, 'compile')].sort(
      (a, b) => a.seconds - b.seconds,
    )[1];
    line(n, 'warm (median of 3)', warm);
    const edited = join(dir, 'models', 'f7', 'm7.sql');
    writeFileSync(edited, readFileSync(edited, 'utf8') + '-- edited\n');
    line(n, 'warm, one model edited', await tb(dir, 'compile'));
  }
  console.log(
    'For scale (not measured here): dbt-core parses 2,000 such models in 18–41 s; Dataform compiles 5,000 in ~40 s.',
  );
  rmSync(process.env.KEEP ? TRASH : ROOT, { recursive: true, force: true });
}

void main();
