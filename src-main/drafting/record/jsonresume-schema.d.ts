declare module '@jsonresume/schema' {
  interface SchemaError {
    property: string;
    message: string;
  }
  const resumeSchemaPackage: {
    validate(resume: unknown, callback: (errors: SchemaError[] | null, valid: boolean) => void): void;
    schema: object;
  };
  export default resumeSchemaPackage;
}
