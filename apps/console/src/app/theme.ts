import { type CSSVariablesResolver, createTheme, localStorageColorSchemeManager } from '@mantine/core';

/** The console's Mantine theme: compact defaults suited to dense admin screens. */
export const theme = createTheme({
  primaryColor: 'blue',
  // People who asked their system for less motion get none: no sliding, fading or collapsing.
  respectReducedMotion: true,
  // Shade 8 keeps white text on filled buttons above WCAG AA's 4.5:1; Mantine's default shade 6 reaches 3.5:1.
  primaryShade: { light: 8, dark: 8 },
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

/** Darkens Mantine's "dimmed" text in light mode, whose default grey on white (3.3:1) fails WCAG AA. */
export const cssVariablesResolver: CSSVariablesResolver = (current) => ({
  variables: {},
  light: { '--mantine-color-dimmed': current.colors.gray[7] },
  dark: { '--mantine-color-dimmed': current.colors.dark[1] },
});
