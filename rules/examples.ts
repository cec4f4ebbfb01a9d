/**
 * Documented example credentials: values that providers and projects print in their
 * documentation, SDKs and sample configs (AWS's example key pair, the Azure Storage emulator's
 * well-known key, the jwt.io sample, Redis's `foobared`, Stripe's sample keys…). They grant
 * nothing, yet every copy of an SDK carries them. They are not reported by default; with
 * `--include-examples` they are listed as `example` findings that never fail a run.
 *
 * Each value is stored as a keyed hash (HMAC-SHA-256 under {@link EXAMPLE_HASH_KEY}, first 128
 * bits) and its length, never as text: keyscan scans its own repository, other scanners scan the
 * installed package, and a list of token-shaped strings would be reported by both. The length
 * lets the engine hash only candidates that could match. Add an entry with
 * `node scripts/example-hash.mjs`, which reads the value on stdin and prints the entry.
 *
 * Only values published as examples belong here (a `source` says where); a test suite's own
 * fixture values do not.
 */

export interface DocumentedExample {
  /** First 32 hex digits of HMAC-SHA-256(EXAMPLE_HASH_KEY, value as UTF-8). */
  readonly hash: string;
  /** The value's length in UTF-16 code units. */
  readonly length: number;
  /** Who publishes it, and where. */
  readonly source: string;
}

export const EXAMPLE_HASH_KEY = 'keyscan:documented-example:v1';

export const documentedExamples: readonly DocumentedExample[] = [
  { hash: 'dcf63162aa6abb79743979fd86cf1c79', length: 20, source: 'AWS documentation: example access key ID' },
  { hash: '34fa9639c929a554890e378013b84649', length: 40, source: 'AWS documentation: example secret access key' },
  { hash: 'ad107242c91f335e2ec97f78b2dc8bbc', length: 20, source: 'AWS documentation: second example access key ID' },
  { hash: '921a015faee291e6566bf45bc5fea3d1', length: 40, source: 'AWS documentation: second example secret access key' },
  {
    hash: '192dd44791129a10924cabbd3647b6a0',
    length: 88,
    source: 'Azure Storage emulator (Azurite) well-known account key for devstoreaccount1',
  },
  { hash: '58bd28a17a72587c150d388bb9000c3f', length: 52, source: 'AWS API reference examples (Cognito): example client secret' },
  { hash: '646a7b3d5db0a0653bdafaa52c18b678', length: 12, source: 'AWS API reference examples (IAM): example password' },
  { hash: '1de1c2eef386725024e5c74b8186ff01', length: 44, source: 'AWS API reference examples (KMS): example key material' },
  { hash: '9406bff09fa73f4dc0a7d354a9ecc07d', length: 96, source: 'AWS API reference examples (KMS): example key material' },
  { hash: '129c7b14e97c12c2ce9f7e7f52f25042', length: 976, source: 'AWS API reference examples (SSO OIDC CreateToken): example token' },
  { hash: '4acedbef965461d8ef68bc3e62b4cd9c', length: 1139, source: 'AWS API reference examples (SSO OIDC CreateToken): example token' },
  { hash: 'adb2242cb3b2ee35caa0f9dccfa0c581', length: 920, source: 'AWS API reference examples (SSO OIDC CreateToken): example token' },
  { hash: '7a98ac2437f7404a6d5258efed43f69c', length: 155, source: 'jwt.io: the sample token' },
  { hash: 'c5fa31266bbfe6c964c21b5657231376', length: 8, source: 'Redis documentation (redis.conf requirepass example)' },
  { hash: '0b01925411e388dcf5ad99f9da4b6abc', length: 8, source: 'PostgreSQL images and guides: postgres:postgres default' },
  { hash: '24e2f62cc19726764a8336f1688ba43c', length: 32, source: 'Stripe documentation: sample test secret key' },
  { hash: '4394012181b9332700e7e90109231d73', length: 32, source: 'Stripe documentation: sample test publishable key' },
  { hash: '5af9bc3f2905f389ea0c2f61d6cc3bdb', length: 64, source: 'Flask documentation: example SECRET_KEY' },
  { hash: '00f4667d2f6ca70c42bb6c315523302c', length: 32, source: 'Flask documentation: example FLASK_SECRET_KEY' },
  { hash: '61ad376148601b42eb41d6a48de922a3', length: 32, source: 'Rails guides (4.1 release notes): example secret_key_base' },
  { hash: 'f5bfc3be7f2eac5d398ebd6245acf7af', length: 128, source: 'Rails guides (command line): example secret_key_base' },
  { hash: '58974ba44c9ce206a5920aabaefc942e', length: 13, source: 'Rails API documentation (has_secure_password): example password' },
  { hash: 'c61e47e5570d2b30e2a2df9d5d78ffc9', length: 20, source: 'Flask documentation (quickstart, sessions): example secret_key' },
];
