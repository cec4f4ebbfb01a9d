export const NOT_NEGATIVE: readonly { case: string; key: string; reason: string }[];
