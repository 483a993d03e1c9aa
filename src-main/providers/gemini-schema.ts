/**
 * Gemini's `responseSchema` is a subset of OpenAPI 3.0: one type per node, `nullable` instead of
 * `null` unions, string enums only, no `$ref`, `additionalProperties`, `$schema`, patterns or bounds
 * on strings. This converts a JSON Schema (as zod or a hand-written file produces it) into that subset.
 * It is lossy where Gemini cannot express a rule; the caller validates the answer with its own schema.
 */

interface BaseNode {
  description?: string;
  nullable?: boolean;
}

export type GeminiSchemaNode =
  | (BaseNode & { type: 'string'; enum?: string[]; format?: 'enum' | 'date-time' })
  | (BaseNode & { type: 'number'; format?: 'float' | 'double' })
  | (BaseNode & { type: 'integer'; format?: 'int32' | 'int64' })
  | (BaseNode & { type: 'boolean' })
  | (BaseNode & { type: 'array'; items: GeminiSchemaNode; minItems?: number; maxItems?: number })
  | (BaseNode & { type: 'object'; properties: Record<string, GeminiSchemaNode>; required?: string[] });

type Json = Record<string, unknown>;

const MAX_DEPTH = 32;

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toGeminiSchema(schema: Record<string, unknown>): GeminiSchemaNode {
  return convert(schema, schema, 0);
}

/** Follows local `#/$defs/…` and `#/definitions/…` references. */
function resolveRef(node: Json, root: Json): Json {
  const ref = node['$ref'];
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  let target: unknown = root;
  for (const segment of ref.slice(2).split('/'))
    target = isJson(target) ? target[segment.replace(/~1/gu, '/').replace(/~0/gu, '~')] : undefined;
  return isJson(target) ? { ...target, ...withoutKey(node, '$ref') } : {};
}

function withoutKey(node: Json, key: string): Json {
  const { [key]: _dropped, ...rest } = node;
  return rest;
}

/** `type: ['string', 'null']`, `anyOf: [X, {type: 'null'}]` → X with `nullable`. Other unions keep their first branch. */
function unwrapUnion(node: Json): { node: Json; nullable: boolean } {
  const type = node['type'];
  if (Array.isArray(type)) {
    const concrete = type.filter((t) => t !== 'null');
    return { node: { ...node, type: concrete[0] ?? 'string' }, nullable: concrete.length < type.length };
  }
  const variants = node['anyOf'] ?? node['oneOf'];
  if (Array.isArray(variants)) {
    const concrete = variants.filter((v) => !(isJson(v) && v['type'] === 'null'));
    const first = concrete[0];
    const rest = withoutKey(withoutKey(node, 'anyOf'), 'oneOf');
    return { node: isJson(first) ? { ...rest, ...first } : rest, nullable: concrete.length < variants.length };
  }
  return { node, nullable: node['nullable'] === true };
}

function inferType(node: Json): string {
  const type = node['type'];
  if (typeof type === 'string') return type;
  if (isJson(node['properties'])) return 'object';
  if (node['items'] !== undefined) return 'array';
  const values = node['enum'] ?? (node['const'] !== undefined ? [node['const']] : undefined);
  if (Array.isArray(values) && values.every((v) => typeof v === 'number')) return 'number';
  if (Array.isArray(values) && values.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'string';
}

function convert(input: unknown, root: Json, depth: number): GeminiSchemaNode {
  if (!isJson(input) || depth > MAX_DEPTH) return { type: 'string' };
  const { node, nullable } = unwrapUnion(resolveRef(input, root));
  const base: BaseNode = {
    ...(typeof node['description'] === 'string' ? { description: node['description'] } : {}),
    ...(nullable ? { nullable: true } : {}),
  };
  switch (inferType(node)) {
    case 'object': {
      const properties: Record<string, GeminiSchemaNode> = {};
      const source = isJson(node['properties']) ? node['properties'] : {};
      for (const [name, sub] of Object.entries(source)) properties[name] = convert(sub, root, depth + 1);
      const required = Array.isArray(node['required'])
        ? node['required'].filter((r): r is string => typeof r === 'string' && r in properties)
        : [];
      return { ...base, type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
    }
    case 'array':
      return {
        ...base,
        type: 'array',
        items: convert(node['items'], root, depth + 1),
        ...(typeof node['minItems'] === 'number' ? { minItems: node['minItems'] } : {}),
        ...(typeof node['maxItems'] === 'number' ? { maxItems: node['maxItems'] } : {}),
      };
    case 'integer':
      return {
        ...base,
        type: 'integer',
        ...(node['format'] === 'int32' || node['format'] === 'int64' ? { format: node['format'] } : {}),
      };
    case 'number':
      return {
        ...base,
        type: 'number',
        ...(node['format'] === 'float' || node['format'] === 'double' ? { format: node['format'] } : {}),
      };
    case 'boolean':
      return { ...base, type: 'boolean' };
    default:
      return { ...base, ...stringFields(node) };
  }
}

function stringFields(node: Json): { type: 'string'; enum?: string[]; format?: 'enum' | 'date-time' } {
  const values = Array.isArray(node['enum']) ? node['enum'] : node['const'] !== undefined ? [node['const']] : [];
  const strings = values.filter((v): v is string => typeof v === 'string');
  if (strings.length > 0) return { type: 'string', format: 'enum', enum: strings };
  return node['format'] === 'date-time' ? { type: 'string', format: 'date-time' } : { type: 'string' };
}
