import { alpha, type CSSVariablesResolver, createTheme, localStorageColorSchemeManager } from '@mantine/core';

/** The shade of filled buttons and badges in both schemes (see `primaryShade`). */
const PRIMARY_SHADE = 8;

/** The console's Mantine theme: compact defaults suited to dense admin screens. */
export const theme = createTheme({
  primaryColor: 'blue',
  // People who asked their system for less motion get none: no sliding, fading or collapsing.
  respectReducedMotion: true,
  // Shade 8 keeps white text on filled buttons above WCAG AA's 4.5:1; Mantine's default shade 6 reaches 3.5:1.
  primaryShade: { light: PRIMARY_SHADE, dark: PRIMARY_SHADE },
  defaultRadius: 'sm',
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
    // Modals, drawers and notifications draw an icon-only close button; this gives it a name for screen readers.
    CloseButton: { defaultProps: { 'aria-label': 'Close' } },
  },
});

/** Keeps the user's light/dark choice in localStorage; without one the console follows the system (`auto`). */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'berth-color-scheme' });

/** WCAG AA's minimum contrast ratio for normal-size text. */
export const AA_CONTRAST = 4.5;

/** Parses `#rrggbb` into its channels (0–255). */
function channels(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** The relative luminance of a colour, as WCAG defines it. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Mixes `to` into `from` by `weight` (0 is `from`, 1 is `to`), as `#rrggbb`. */
function mix(from: string, to: string, weight: number): string {
  const a = channels(from);
  const b = channels(to);
  return `#${a
    .map((c, i) =>
      Math.round(c + (b[i] - c) * weight)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** How far text is darkened towards black at a time until it is readable; ten steps reach 50%. */
const DARKEN_STEPS = Array.from({ length: 11 }, (_, i) => i * 0.05);
/** Shades tried for text on dark surfaces (outline badges, error messages), lightest-but-still-coloured last. */
const DARK_TEXT_SHADES = [4, 3, 2] as const;
/** Shades tried for error messages in the dark scheme, Mantine's own (8) first. */
const DARK_ERROR_SHADES = [8, 7, 6, 5, 4] as const;
/** Mantine's own tint of an outline button's hover background. */
const OUTLINE_HOVER_ALPHA = 0.05;
/** The light scheme's page and card background. */
const WHITE = '#ffffff';

/** The least darkened version of `text` that reaches AA on `background` (at most half-way to black). */
function readableOn(text: string, background: string): string {
  const darkened = DARKEN_STEPS.map((step) => mix(text, '#000000', step));
  return darkened.find((candidate) => contrastRatio(candidate, background) >= AA_CONTRAST) ?? darkened.at(-1)!;
}

/**
 * Keeps Mantine's colours readable where its defaults fall below WCAG AA. In the light scheme:
 * - "dimmed" text: grey on white is 3.3:1;
 * - light badges, buttons and alerts: their shade 9 text is 3.6:1 on orange's shade 1 and 4.0:1 on blue's shade 2
 *   hover, so that text is darkened until it reaches 4.5:1 on the hover background (darker than the resting one);
 * - filled badges and buttons: white text is 3.9:1 on teal's shade 8, so the fill is darkened until white reaches
 *   4.5:1 (in both schemes, where the fill is the same);
 * - coloured text (`c="teal"`, links, error messages): shade 8 is 3.9:1 for teal and red's shade 6 errors 3.3:1 on
 *   white, so it is darkened until it reaches 4.5:1 on white.
 * In the dark scheme, outline text (shade 4 violet is 4.0:1 on a dark card) and error messages (red 8 is 3.4:1) take
 * the first shade that reaches 4.5:1 on the card background (dark 6), which is lighter than the page (dark 7).
 */
export const cssVariablesResolver: CSSVariablesResolver = (current) => {
  const light: Record<string, string> = { '--mantine-color-dimmed': current.colors.gray[7] };
  const dark: Record<string, string> = { '--mantine-color-dimmed': current.colors.dark[1] };
  const card = current.colors.dark[6];
  for (const [name, shades] of Object.entries(current.colors)) {
    if (name === 'dark') continue;
    const filled = readableOn(shades[PRIMARY_SHADE], WHITE);
    const filledHover = readableOn(shades[9], WHITE);
    for (const scheme of [light, dark]) {
      scheme[`--mantine-color-${name}-filled`] = filled;
      scheme[`--mantine-color-${name}-filled-hover`] = filledHover;
    }
    light[`--mantine-color-${name}-light-color`] = readableOn(shades[9], shades[2]);
    light[`--mantine-color-${name}-text`] = readableOn(shades[8], WHITE);
    const outline = DARK_TEXT_SHADES.find((shade) => contrastRatio(shades[shade], card) >= AA_CONTRAST);
    if (outline !== undefined) {
      dark[`--mantine-color-${name}-outline`] = `var(--mantine-color-${name}-${outline})`;
      dark[`--mantine-color-${name}-outline-hover`] = alpha(shades[outline], OUTLINE_HOVER_ALPHA);
    }
  }
  light['--mantine-color-error'] = 'var(--mantine-color-red-text)';
  const errorShade = DARK_ERROR_SHADES.find((shade) => contrastRatio(current.colors.red[shade], card) >= AA_CONTRAST);
  if (errorShade !== undefined) dark['--mantine-color-error'] = `var(--mantine-color-red-${errorShade})`;
  return { variables: {}, light, dark };
};
