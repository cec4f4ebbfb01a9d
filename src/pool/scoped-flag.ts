/**
 * A V8 flag on while any scan that asks for it runs. A V8 flag is the process's, every thread's at
 * once (workers started meanwhile too); it is set back to V8's own value when the last such scan
 * ends, so that the code cache the CLI writes at exit is made under the flags it was read under
 * (src/cli/code-cache.ts).
 */
import { setFlagsFromString } from 'node:v8';

export type SetFlags = (flags: string) => void;

/** Turns the flag on (if no holder has) and gives a release that turns it off after the last one. */
export type FlagHold = (setFlags?: SetFlags) => () => void;

/** Runs a scan with the flag on. */
export type ScopedFlag = <T>(scan: () => Promise<T>, setFlags?: SetFlags) => Promise<T>;

export function flagHold(on: string, off: string): FlagHold {
  let active = 0;
  return (setFlags = setFlagsFromString) => {
    if (active++ === 0) setFlags(on);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--active === 0) setFlags(off);
    };
  };
}

export function scopedFlag(on: string, off: string): ScopedFlag {
  const hold = flagHold(on, off);
  return async (scan, setFlags) => {
    const release = hold(setFlags);
    try {
      return await scan();
    } finally {
      release();
    }
  };
}
