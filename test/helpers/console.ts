/** Captures console output so tests stay silent and can assert on the messages the component prints. */
export interface CapturedConsole {
  readonly error: string[];
  readonly warn: string[];
  readonly other: string[];
  restore(): void;
}

function text(args: unknown[]): string {
  return args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg))).join(' ');
}

export function captureConsole(): CapturedConsole {
  const original = { error: console.error, warn: console.warn, log: console.log, info: console.info, debug: console.debug };
  const captured = {
    error: [] as string[],
    warn: [] as string[],
    other: [] as string[],
    restore(): void {
      Object.assign(console, original);
    },
  };
  console.error = (...args: unknown[]) => captured.error.push(text(args));
  console.warn = (...args: unknown[]) => captured.warn.push(text(args));
  console.log = console.info = console.debug = (...args: unknown[]) => captured.other.push(text(args));
  return captured;
}

/**
 * Captures the console around each test of the calling `describe`, and returns the output of the
 * test that is running. `cleanUp` runs after each test, before the console is given back, so
 * that what it prints is captured too.
 */
export function captureConsoleEachTest(setUp: () => void, cleanUp: () => void | Promise<void>): CapturedConsole {
  let current: CapturedConsole | undefined;
  beforeEach(() => {
    setUp();
    current = captureConsole();
  });
  afterEach(async () => {
    await cleanUp();
    current?.restore();
  });
  return {
    get error() {
      return current!.error;
    },
    get warn() {
      return current!.warn;
    },
    get other() {
      return current!.other;
    },
    restore: () => current?.restore(),
  };
}
