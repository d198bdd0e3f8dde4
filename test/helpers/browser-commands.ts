/**
 * Wrappers for web-test-runner commands that not every engine offers. Media emulation exists only
 * over Chrome's DevTools protocol, and viewport changes only where puppeteer or playwright drive
 * the browser: elsewhere the wrappers report `false` (hooks go on; tests skip, saying why).
 */
import { type emulateMedia, executeServerCommand, sendKeys, type setViewport } from '@web/test-runner-commands';

type MediaOptions = Parameters<typeof emulateMedia>[0];
type Viewport = Parameters<typeof setViewport>[0];

/**
 * Runs a command through the `where-supported` plugin (web-test-runner.config.mjs): `false` in an
 * engine that lacks it, without the stack trace web-test-runner prints for a command that throws.
 */
async function attempt(command: 'emulate-media' | 'set-viewport' | 'send-keys', payload: unknown): Promise<boolean> {
  const { supported } = await executeServerCommand<{ supported: boolean }, unknown>('where-supported', { command, payload });
  return supported;
}

/** Emulates media features where the engine can; `false` where it cannot. */
export function emulateMediaWhereSupported(options: MediaOptions): Promise<boolean> {
  return attempt('emulate-media', options);
}

/** Sets the viewport where the engine can; `false` where it cannot. */
export function setViewportWhereSupported(viewport: Viewport): Promise<boolean> {
  return attempt('set-viewport', viewport);
}

/** Emulates media features, or skips the calling test in an engine that cannot. */
export async function emulateMediaOrSkip(context: Mocha.Context, options: MediaOptions): Promise<void> {
  if (!(await emulateMediaWhereSupported(options))) context.skip();
}

/** Sets the viewport, or skips the calling test in an engine that cannot. */
export async function setViewportOrSkip(context: Mocha.Context, viewport: Viewport): Promise<void> {
  if (!(await setViewportWhereSupported(viewport))) context.skip();
}

/** Shift+Tab: held and released where the driver supports it, pressed as a chord elsewhere. */
export async function pressShiftTab(): Promise<void> {
  if (await attempt('send-keys', { down: 'Shift' })) {
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
  } else {
    await sendKeys({ press: 'Shift+Tab' });
  }
}

/**
 * Puts the page in `scheme` (light or dark system preference), or skips the calling test in an
 * engine that can neither emulate it nor already has it.
 */
export async function emulateColorSchemeOrSkip(context: Mocha.Context, scheme: 'light' | 'dark'): Promise<void> {
  if (await emulateMediaWhereSupported({ colorScheme: scheme })) return;
  if (!matchMedia(`(prefers-color-scheme: ${scheme})`).matches) context.skip();
}

/**
 * Puts the page in forced colours (Windows High Contrast), or takes it out, where the engine can
 * emulate it (Chromium, through scripts/emulate-forced-colors.mjs); `false` where it cannot.
 */
export async function emulateForcedColorsWhereSupported(active: boolean): Promise<boolean> {
  const answer = await executeServerCommand<{ supported: boolean }, { active: boolean }>('emulate-forced-colors', { active });
  return answer?.supported === true;
}
