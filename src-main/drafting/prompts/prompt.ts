export interface Prompt {
  system: string;
  userText: string;
}

/** A prompt whose answer must be JSON matching `jsonSchema.schema` (the shape LlmRequest.jsonSchema takes). */
export interface JsonPrompt extends Prompt {
  jsonSchema: { name: string; schema: Record<string, unknown> };
}
