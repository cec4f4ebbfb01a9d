// External test cases whose token contradicts the provider's documented format (a synthetic
// input: wrong length, wrong alphabet, a prefix the provider does not issue). They are counted
// apart, with the reason, instead of loosening a rule to match them. `case` is the external
// source/detector, `key` the target's targetKey() (a hash: no token is written here).
export const NOT_DOCUMENTED = [];
