import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PATIENT_TIER_UP, tierUpPolicy } from '../../src/pool/tier-up-policy.js';

describe('the tier-up policy', () => {
  it('on V8 11 (Node 20) raises the interrupt budget for the scan and sets V8 default back after', async () => {
    const set: string[] = [];
    const policy = tierUpPolicy('11.3.244.8-node.38');
    const result = await policy(
      async () => {
        expect(set).toEqual(['--interrupt-budget=1000000']);
        return 'scanned';
      },
      (f) => set.push(f),
    );
    expect(result).toBe('scanned');
    expect(set).toEqual(['--interrupt-budget=1000000', '--interrupt-budget=67584']);
  });

  it('on V8 12 (Node 22) uses that V8 name for it, and shares it between overlapping scans', async () => {
    const set: string[] = [];
    const record = (f: string): void => {
      set.push(f);
    };
    const policy = tierUpPolicy('12.4.254.21-node.57');
    let release = (): void => undefined;
    const first = policy(() => new Promise<void>((r) => (release = r)), record);
    await policy(async () => expect(set).toEqual(['--invocation-count-for-turbofan=15000']), record);
    expect(set).toEqual(['--invocation-count-for-turbofan=15000']);
    release();
    await first;
    expect(set).toEqual(['--invocation-count-for-turbofan=15000', '--invocation-count-for-turbofan=3000']);
  });

  it('sets the default back when the scan fails', async () => {
    const set: string[] = [];
    const failing = tierUpPolicy('11.3.244.8-node.38')(
      async () => {
        throw new Error('git failed');
      },
      (f) => set.push(f),
    );
    await expect(failing).rejects.toThrow('git failed');
    expect(set).toEqual(['--interrupt-budget=1000000', '--interrupt-budget=67584']);
  });

  it('leaves a V8 it was not measured on as it is', async () => {
    const set: string[] = [];
    for (const v8 of ['13.6.233.10-node.27', '10.2.154.26-node.22', 'unknown'])
      expect(
        await tierUpPolicy(v8)(
          async () => v8,
          (f) => set.push(f),
        ),
      ).toBe(v8);
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
