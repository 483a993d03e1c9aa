import type { ProviderKind } from '@contract';
import type { LlmProvider, LlmRequest, LlmResult, ModelInfo, ProviderOptions, StreamEvent } from './types';

export type ProviderConstructor = (options: ProviderOptions) => LlmProvider;

/**
 * A provider whose adapter (and so its vendor SDK, 40–150 ms to load) is imported on its first call, not when
 * the core starts: listing, configuring or routing to providers never loads an SDK that no call uses.
 * `load` is a dynamic `import()`, which the build turns into a chunk of its own.
 */
export class LazyProvider implements LlmProvider {
  readonly model: string;
  private adapterLoaded: Promise<LlmProvider> | null = null;
  /** The adapter once imported: later calls go straight to it, without another promise in between. */
  private loaded: LlmProvider | null = null;

  constructor(
    readonly kind: ProviderKind,
    private readonly options: ProviderOptions,
    private readonly load: () => Promise<ProviderConstructor>,
  ) {
    this.model = options.model;
  }

  private adapter(): Promise<LlmProvider> {
    // A failed import is not kept: the next call tries again.
    return (this.adapterLoaded ??= this.load()
      .then((create) => (this.loaded = create(this.options)))
      .catch((err: unknown) => {
        this.adapterLoaded = null;
        throw err;
      }));
  }

  generate(request: LlmRequest, signal?: AbortSignal): Promise<LlmResult> {
    if (this.loaded) return this.loaded.generate(request, signal);
    return this.adapter().then((adapter) => adapter.generate(request, signal));
  }

  async *stream(request: LlmRequest, signal?: AbortSignal): AsyncIterable<StreamEvent> {
    yield* (await this.adapter()).stream(request, signal);
  }

  async testCredentials(signal?: AbortSignal): Promise<void> {
    return (await this.adapter()).testCredentials(signal);
  }

  async listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
    return (await this.adapter()).listModels(signal);
  }
}
