/** Reading fields of untrusted values (SDK errors, loosely typed response parts) without `any`. */

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function readField(value: unknown, key: string): unknown {
  return isObject(value) ? value[key] : undefined;
}

export function readString(value: unknown, key: string): string | undefined {
  const found = readField(value, key);
  return typeof found === 'string' && found !== '' ? found : undefined;
}
