/*
 * Benchmarks Berth's registry against CNCF Distribution 2.8 on loopback: the same scenarios against each registry in
 * alternation for a few rounds, printing each median and the ratio Berth/Distribution as a Markdown table.
 *
 *   npm run bench -- [--scenarios push,storm,...|blob] [--rounds 3] [--driver s3] [--storm-seconds 10]
 *                    [--blob-mib 256] [--log-level warn] [--profile <dir>] [--max-minutes 20]
 *
 * `--scenarios blob` runs only the blob throughput scenarios (push, chunked, pull). Each round runs the registries in
 * the opposite order of the round before, so neither always follows the other's writes to the shared disk.
 * `--driver s3` also runs Berth on the S3 driver (against Swift) and reports it in its own column; `--profile`
 * writes a V8 CPU profile of the filesystem Berth's process and prints where its time went.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { summariseProfile } from './profile';
import { type BenchSettings, SCENARIOS, type Scenario, Unsupported } from './scenarios';
import { type Target, buildRegistry, cpuProfiles, startBerth, startDistribution } from './targets';

/** Rounds per scenario when not given: three is the fewest with a meaningful median. */
const DEFAULT_ROUNDS = 3;
/** Upper bound on rounds, so a typo cannot run the machine for hours. */
const MAX_ROUNDS = 9;
/** The whole run stops after this long even if scenarios remain (they are reported as skipped). */
const DEFAULT_MAX_MINUTES = 25;

const { values } = parseArgs({
  options: {
    scenarios: { type: 'string', default: SCENARIOS.map((s) => s.id).join(',') },
    rounds: { type: 'string', default: String(DEFAULT_ROUNDS) },
    driver: { type: 'string', default: 'filesystem' },
    'storm-seconds': { type: 'string', default: '10' },
    'blob-mib': { type: 'string', default: '256' },
    'log-level': { type: 'string', default: 'warn' },
    profile: { type: 'string' },
    'max-minutes': { type: 'string', default: String(DEFAULT_MAX_MINUTES) },
  },
});

const settings: BenchSettings = {
  blobMib: Number(values['blob-mib']),
  chunkMib: 16,
  stormSeconds: Number(values['storm-seconds']),
  stormConcurrency: 32,
  smallImages: 200,
  smallConcurrency: 8,
  tags: 2_000,
  catalogRepositories: 300,
  catalogPage: 100,
  mounts: 50,
};
const rounds = Math.min(Math.max(Number(values.rounds), 1), MAX_ROUNDS);
const deadline = Date.now() + Number(values['max-minutes']) * 60_000;
/** Scenario groups `--scenarios` accepts besides single ids. */
const GROUPS: Record<string, string[]> = { blob: ['push', 'chunked', 'pull'] };
const chosen = values.scenarios
  .split(',')
  .flatMap((id) => GROUPS[id.trim()] ?? [id])
  .map((id) => {
    const scenario = SCENARIOS.find((s) => s.id === id.trim());
    if (!scenario) throw new Error(`unknown scenario ${id}; known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
    return scenario;
  });

/** What one registry achieved in one scenario: rates per round, or why it could not run. */
type Outcome = { rates: number[] } | { failed: string };

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function describeFailure(err: unknown): string {
  if (err instanceof Unsupported) return `unsupported (${err.status})`;
  return `error: ${err instanceof Error ? err.message.slice(0, 80) : String(err)}`;
}

async function runScenario(scenario: Scenario, targets: Target[]): Promise<Map<Target, Outcome>> {
  const outcomes = new Map<Target, Outcome>(targets.map((t) => [t, { rates: [] }]));
  for (const target of targets) {
    try {
      await scenario.setup?.(target.base, settings);
    } catch (err) {
      outcomes.set(target, { failed: describeFailure(err) });
    }
  }
  for (let round = 0; round < rounds && Date.now() < deadline; round++) {
    for (const target of round % 2 ? [...targets].reverse() : targets) {
      const outcome = outcomes.get(target)!;
      if ('failed' in outcome) continue;
      try {
        const rate = await scenario.run(
          target.base,
          settings,
          `${target.label.replace(/\W+/g, '').toLowerCase()}-${round}`,
        );
        outcome.rates.push(rate);
        console.error(`  ${scenario.id} round ${round + 1} ${target.label}: ${rate.toFixed(1)} ${scenario.unit}`);
      } catch (err) {
        outcomes.set(target, { failed: describeFailure(err) });
        console.error(`  ${scenario.id} ${target.label}: ${describeFailure(err)}`);
      }
    }
  }
  return outcomes;
}

function cell(outcome: Outcome | undefined, unit: string): string {
  if (!outcome) return '—';
  if ('failed' in outcome) return outcome.failed;
  return outcome.rates.length ? `${median(outcome.rates).toFixed(1)} ${unit}` : 'skipped (time)';
}

async function main(): Promise<void> {
  const started = Date.now();
  console.error('building the registry…');
  await buildRegistry();
  const profileDir = values.profile ? resolve(values.profile) : undefined;
  if (profileDir) await mkdir(profileDir, { recursive: true });
  const targets: Target[] = [];
  try {
    const berth = await startBerth({ driver: 'filesystem', logLevel: values['log-level'], cpuProfileDir: profileDir });
    targets.push(berth);
    const distribution = await startDistribution();
    targets.push(distribution);
    if (values.driver === 's3') targets.push(await startBerth({ driver: 's3', logLevel: values['log-level'] }));
    const [berthFs, dist, berthS3] = targets as [Target, Target, Target | undefined];

    const lines = [
      `| scenario | ${berthFs.label} | ${dist.label} | ratio | target | result |${berthS3 ? ` ${berthS3.label} |` : ''}`,
      `| --- | --- | --- | --- | --- | --- |${berthS3 ? ' --- |' : ''}`,
    ];
    for (const scenario of chosen) {
      console.error(`${scenario.title}…`);
      const outcomes = await runScenario(scenario, targets);
      const a = outcomes.get(berthFs)!;
      const b = outcomes.get(dist)!;
      const ratio =
        'rates' in a && 'rates' in b && a.rates.length && b.rates.length
          ? median(a.rates) / median(b.rates)
          : undefined;
      const verdict =
        ratio === undefined || scenario.target === undefined ? '—' : ratio >= scenario.target ? 'pass' : 'FAIL';
      lines.push(
        `| ${scenario.title.replace('256 MiB', `${settings.blobMib} MiB`)} | ${cell(a, scenario.unit)} | ${cell(b, scenario.unit)} | ${ratio === undefined ? '—' : `${ratio.toFixed(2)}×`} | ${
          scenario.target === undefined ? '—' : `≥ ${scenario.target.toFixed(1)}×`
        } | ${verdict} |${berthS3 ? ` ${cell(outcomes.get(berthS3), scenario.unit)} |` : ''}`,
      );
    }
    console.log(`\n${lines.join('\n')}\n`);
    console.log(
      `${rounds} rounds per scenario, alternating registries; medians of rates (higher is better); ` +
        `${((Date.now() - started) / 1000).toFixed(0)} s in all.`,
    );
  } finally {
    for (const target of targets.reverse()) await target.stop().catch((err: unknown) => console.error(err));
  }
  if (profileDir) {
    for (const file of await cpuProfiles(profileDir)) console.log(`\n${await summariseProfile(file)}`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
