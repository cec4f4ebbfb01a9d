import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PATIENT_TIER_UP, tierUpPolicy } from '../../src/pool/tier-up-policy.js';

describe('the tier-up policy', () => {
  it('on V8 11 (Node 20) raises the interrupt budget while held and sets V8 default back on release, once', () => {
    const set: string[] = [];
    const release = tierUpPolicy('11.3.244.8-node.38')((f) => set.push(f));
    expect(set).toEqual(['--interrupt-budget=1000000']);
    release();
    release();
    expect(set).toEqual(['--interrupt-budget=1000000', '--interrupt-budget=67584']);
  });

  it('on V8 12 (Node 22) uses that V8 name for it, and holders that overlap share it', () => {
    const set: string[] = [];
    const record = (f: string): void => {
      set.push(f);
    };
    const hold = tierUpPolicy('12.4.254.21-node.57');
    const first = hold(record);
    const second = hold(record);
    first();
    expect(set).toEqual(['--invocation-count-for-turbofan=15000']);
    second();
    expect(set).toEqual(['--invocation-count-for-turbofan=15000', '--invocation-count-for-turbofan=3000']);
    // Held again after the last release: on again.
    hold(record)();
    expect(set).toHaveLength(4);
  });

  it('leaves a V8 it was not measured on as it is', () => {
    const set: string[] = [];
    for (const v8 of ['13.6.233.10-node.27', '10.2.154.26-node.22', 'unknown']) tierUpPolicy(v8)((f) => set.push(f))();
    expect(set).toEqual([]);
  });

  // What "set back" sets must be V8's own default, or every later code cache would be made under a changed flag.
  it.runIf(PATIENT_TIER_UP[Number.parseInt(process.versions.v8, 10)] !== undefined)(
    "names a flag this Node's V8 has, with the default this V8 gives it",
    () => {
      const known = PATIENT_TIER_UP[Number.parseInt(process.versions.v8, 10)];
      const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
      expect(options).toContain(`default: ${known?.flag}=${known?.v8Default}\n`);
    },
  );
});
