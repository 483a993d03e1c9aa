import { z } from 'zod';

/** JSON Schema for a zod schema, without the `$schema` key some providers refuse. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const jsonSchema: Record<string, unknown> = { ...z.toJSONSchema(schema) };
  delete jsonSchema.$schema;
  return jsonSchema;
}
