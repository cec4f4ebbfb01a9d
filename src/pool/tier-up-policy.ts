/**
 * When V8 optimizes a scan's hot functions. Left to V8 11 (Node 20), a history audit of express
 * optimized ~250 functions with TurboFan, many of them several times (the keyword scanner five
 * times, after deoptimizations), from the little type feedback of their first calls: ~0.7 s of
 * CPU on V8's compiler threads in a 1.5 s run, on a machine with two cores. Letting each function
 * run ~15 times longer in the interpreter and baseline code first (`--interrupt-budget`) cut that
 * CPU to ~0.3 s and the audit's wall time by 13% on express and axios (2 cores, medians of 7
 * interleaved runs); git/git's 20 s audit was unchanged. It holds only while a worker pool runs a
 * large scan: a pre-commit run's short loops (the keyword scan of a few kB in JavaScript, its
 * windows) left in the interpreter longer took ~2 ms more of its CPU. The flag was renamed in V8
 * 12 (Node 22), where the same patience measured 8% on express. On V8 13 (Node 24, with Maglev
 * between the tiers) it measured within noise, so the policy leaves later versions as they are.
 */
import { type FlagHold, flagHold } from './scoped-flag.js';

/** Per V8 major version: the flag, its patient value, and V8's default (set back after). */
export const PATIENT_TIER_UP: Readonly<Record<number, { flag: string; patient: number; v8Default: number }>> = {
  11: { flag: '--interrupt-budget', patient: 1_000_000, v8Default: 67_584 },
  12: { flag: '--invocation-count-for-turbofan', patient: 15_000, v8Default: 3_000 },
};

/** The policy for the V8 whose version is `v8` (`process.versions.v8`): no flag where none was measured. */
export function tierUpPolicy(v8: string): FlagHold {
  const known = PATIENT_TIER_UP[Number.parseInt(v8, 10)];
  if (known === undefined) return () => () => undefined;
  return flagHold(`${known.flag}=${known.patient}`, `${known.flag}=${known.v8Default}`);
}

/** Makes V8 optimize functions later until released (overlapping holders share it). */
export const holdPatientTierUp: FlagHold = tierUpPolicy(process.versions.v8);
