import { describe, it } from 'vitest';
import { checkShard } from './regex-safety-cases.js';

describe('regex safety, shard 3 of 3', () => {
  it('runs every third rule over adversarial input within per-rule bounds', () => checkShard(2, 3), 600_000);
});
