import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { AA_CONTRAST, contrastRatio, cssVariablesResolver, theme } from './theme';

const merged = mergeMantineTheme(DEFAULT_THEME, theme);
const resolved = cssVariablesResolver(merged);
const { colors } = merged;
/** Colours the console uses for badges, alerts, buttons and text. */
const USED = ['blue', 'teal', 'green', 'red', 'orange', 'violet', 'grape', 'gray', 'cyan', 'indigo'];

/** Reads a resolved variable as a colour, following `var(--mantine-color-<name>-<shade|text>)`. */
function colour(scheme: 'light' | 'dark', variable: string): string {
  const value = (resolved[scheme] as Record<string, string | undefined>)[variable];
  if (value === undefined) throw new Error(`${variable} is not set for the ${scheme} scheme`);
  const reference = /^var\((--mantine-color-[\w-]+)\)$/.exec(value);
  if (!reference) return value;
  const shade = /^--mantine-color-(\w+)-(\d)$/.exec(reference[1]);
  return shade ? colors[shade[1]][Number(shade[2])] : colour(scheme, reference[1]);
}

describe('the console theme keeps text readable (WCAG AA)', () => {
  it.each(USED)('gives %s light badges and buttons 4.5:1 at rest and on hover in the light scheme', (name) => {
    const text = colour('light', `--mantine-color-${name}-light-color`);
    expect(contrastRatio(text, colors[name][1])).toBeGreaterThanOrEqual(AA_CONTRAST);
    expect(contrastRatio(text, colors[name][2])).toBeGreaterThanOrEqual(AA_CONTRAST);
  });

  it.each(USED)('gives %s text 4.5:1 on white in the light scheme', (name) => {
    expect(contrastRatio(colour('light', `--mantine-color-${name}-text`), '#ffffff')).toBeGreaterThanOrEqual(
      AA_CONTRAST,
    );
  });

  it.each(USED)('gives white text 4.5:1 on filled %s badges and buttons, at rest and on hover', (name) => {
    for (const scheme of ['light', 'dark'] as const) {
      expect(contrastRatio(colour(scheme, `--mantine-color-${name}-filled`), '#ffffff')).toBeGreaterThanOrEqual(
        AA_CONTRAST,
      );
      expect(contrastRatio(colour(scheme, `--mantine-color-${name}-filled-hover`), '#ffffff')).toBeGreaterThanOrEqual(
        AA_CONTRAST,
      );
    }
  });

  it('leaves colours that already pass as Mantine has them', () => {
    expect(colour('light', '--mantine-color-gray-light-color')).toBe(colors.gray[9]);
    expect(colour('dark', '--mantine-color-blue-outline')).toBe(colors.blue[4]);
  });

  it.each(USED)('gives %s outline text 4.5:1 on a dark card and on the dark page', (name) => {
    const outline = colour('dark', `--mantine-color-${name}-outline`);
    expect(contrastRatio(outline, colors.dark[6])).toBeGreaterThanOrEqual(AA_CONTRAST);
    expect(contrastRatio(outline, colors.dark[7])).toBeGreaterThanOrEqual(AA_CONTRAST);
  });

  it('keeps error messages and dimmed text readable in both schemes', () => {
    expect(contrastRatio(colour('light', '--mantine-color-error'), '#ffffff')).toBeGreaterThanOrEqual(AA_CONTRAST);
    expect(contrastRatio(colour('dark', '--mantine-color-error'), colors.dark[6])).toBeGreaterThanOrEqual(AA_CONTRAST);
    expect(contrastRatio(colour('light', '--mantine-color-dimmed'), colors.gray[0])).toBeGreaterThanOrEqual(
      AA_CONTRAST,
    );
    expect(contrastRatio(colour('dark', '--mantine-color-dimmed'), colors.dark[6])).toBeGreaterThanOrEqual(AA_CONTRAST);
  });
});
