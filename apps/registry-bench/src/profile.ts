/*
 * Summarises a V8 CPU profile (node --cpu-prof): self time per function and per area (our files, each npm package,
 * node internals, GC), so the benchmark can say where the registry's time goes.
 */
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a Berth source file, an npm package, a node internal module, or a V8 pseudo-frame. */
function areaOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `npm:${pkg[1]}`;
  if (url.startsWith('node:')) return url;
  const berth = /dist\/(?:apps|libs)\/.*?\/((?:apps|libs)\/.+)$/.exec(url);
  if (berth) return `berth:${berth[1]?.replace(/\.js$/, '')}`;
  return url;
}

const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

/** Renders the top functions and areas by self time as Markdown, excluding idle time from the total. */
export async function summariseProfile(path: string, top = 15): Promise<string> {
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') continue;
    busy += us;
    const area = areaOf(frame.url, frame.functionName);
    const file = frame.url.split('/').slice(-2).join('/');
    const fn = `${frame.functionName || '(anonymous)'} ${file ? `${file}:${frame.lineNumber + 1}` : ''}`.trim();
    functions.set(fn, (functions.get(fn) ?? 0) + us);
    areas.set(area, (areas.get(area) ?? 0) + us);
  }
  const rows = (map: Map<string, number>) =>
    [...map.entries()]
      .sort(([, a], [, b]) => b - a)
      .slice(0, top)
      .map(([name, us]) => `| ${name.replace(/\|/g, '\\|')} | ${(us / 1000).toFixed(0)} ms | ${pct(us, busy)} |`);
  return [
    `CPU busy ${(busy / 1e6).toFixed(1)} s (idle excluded) — ${path}`,
    '',
    '| area | self | share |',
    '| --- | --- | --- |',
    ...rows(areas),
    '',
    '| function | self | share |',
    '| --- | --- | --- |',
    ...rows(functions),
  ].join('\n');
}
