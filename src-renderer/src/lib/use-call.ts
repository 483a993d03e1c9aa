import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '@contract';
import { call, errorMessage } from './ipc';

export interface CallState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

interface Loaded<T> {
  key: string;
  data: T | null;
  error: string | null;
}

/**
 * Loads `load(input)` on mount, when the input changes (by value) and on reload; errors become a message and
 * the last data is kept. `load` should keep its identity across renders. `initial`, when given, is the data
 * for the first input, already there: the first render has it and it is not loaded again on mount.
 */
export function useLoad<I, T>(input: I, load: (input: I) => Promise<T>, initial: T | null = null): CallState<T> {
  const [tick, setTick] = useState(0);
  const inputJson = JSON.stringify(input);
  const key = `${tick}|${inputJson}`;
  const [loaded, setLoaded] = useState<Loaded<T>>(() => ({
    key: initial === null ? '' : key,
    data: initial,
    error: null,
  }));
  // The key whose data came as `initial`: not loaded on mount (once only: the same input later loads).
  const given = useRef(initial === null ? null : key);
  useEffect(() => {
    if (given.current === key) {
      given.current = null;
      return;
    }
    let live = true;
    load(JSON.parse(inputJson) as I).then(
      (data) => live && setLoaded({ key, data, error: null }),
      (err: unknown) => live && setLoaded((prev) => ({ key, data: prev.data, error: errorMessage(err) })),
    );
    return () => {
      live = false;
    };
  }, [load, inputJson, key]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: loaded.data, error: loaded.error, loading: loaded.key !== key, reload };
}

/** Loads a channel's output on mount, when the input changes and on reload; errors become a message. */
export function useCall<C extends Channel>(channel: C, input: ChannelInput<C>): CallState<ChannelOutput<C>> {
  const load = useCallback((i: ChannelInput<C>) => call(channel, i), [channel]);
  return useLoad(input, load);
}
