/**
 * A V8 flag on while any scan that asks for it runs. A V8 flag is the process's, every thread's at
 * once (workers started meanwhile too); it is set back to V8's own value when the last such scan
 * ends, so that the code cache the CLI writes at exit is made under the flags it was read under
 * (src/cli/code-cache.ts).
 */
import { setFlagsFromString } from 'node:v8';

export type SetFlags = (flags: string) => void;

/** Runs a scan with `on` set, and `off` (V8's default) once no scan run this way is left. */
export type ScopedFlag = <T>(scan: () => Promise<T>, setFlags?: SetFlags) => Promise<T>;

export function scopedFlag(on: string, off: string): ScopedFlag {
  let active = 0;
  return async (scan, setFlags = setFlagsFromString) => {
    if (active++ === 0) setFlags(on);
    try {
      return await scan();
    } finally {
      if (--active === 0) setFlags(off);
    }
  };
}
