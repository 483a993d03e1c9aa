export * from './result';
export * from './channels';
export * from './events';
export * from './define';
export * from './dto/common';
export * from './dto/app';
export * from './dto/providers';
export * from './dto/admin';
export * from './dto/usage';
export * from './dto/drafting';
export * from './dto/workspace';
export * from './dto/duplicates';
export * from './dto/queue';
export * from './dto/resume';
export * from './dto/backup';
export * from './dto/transfer';
export * from './dto/retention';
export * from './dto/routing';
export * from './dto/health';
export * from './dto/batch';

/** What the preload (Electron) or the web bridge puts on `window.api`. */
export interface AditusApi {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
export * from './dto/compliance';
export * from './dto/users';
