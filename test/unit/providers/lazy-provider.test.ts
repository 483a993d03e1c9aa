import { describe, expect, it } from 'vitest';
import { LazyProvider } from '../../../src-main/providers/lazy-provider';
import type { LlmProvider } from '../../../src-main/providers/types';

const OPTIONS = { model: 'm', baseUrl: null, getApiKey: () => Promise.resolve(null), timeoutMs: 1_000 };

describe('a provider whose adapter loads on first use', () => {
  it('tries the import again on the next call after one failed', async () => {
    let loads = 0;
    const adapter: LlmProvider = {
      kind: 'openai',
      model: 'm',
      generate: () => Promise.reject(new Error('unused')),
      stream: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('unused')) }) }),
      testCredentials: () => Promise.resolve(),
      listModels: () => Promise.resolve([{ id: 'm' }]),
    };
    const provider = new LazyProvider('openai', OPTIONS, () => {
      loads++;
      return loads === 1 ? Promise.reject(new Error('ENOSPC while reading the chunk')) : Promise.resolve(() => adapter);
    });
    await expect(provider.listModels()).rejects.toThrow('ENOSPC');
    await expect(provider.listModels()).resolves.toEqual([{ id: 'm' }]);
    await expect(provider.testCredentials()).resolves.toBeUndefined();
    expect(loads).toBe(2);
  });
});
