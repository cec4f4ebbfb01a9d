export function covers(secret: string, target: string | null): boolean;
export function shapeOf(token: string | null): string;
export function contextOf(text: string, target: string | null): string;
