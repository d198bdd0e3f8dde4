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
