import { useCallback, useEffect, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../src-preload/contract';
import { call } from './ipc';

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

/** Loads a channel's output on mount, when the input changes and on reload; errors become a message. */
export function useCall<C extends Channel>(channel: C, input: ChannelInput<C>): CallState<ChannelOutput<C>> {
  const [tick, setTick] = useState(0);
  const key = `${channel}|${JSON.stringify(input)}|${tick}`;
  const [loaded, setLoaded] = useState<Loaded<ChannelOutput<C>>>({ key: '', data: null, error: null });
  useEffect(() => {
    let live = true;
    const inputJson = key.slice(channel.length + 1, key.lastIndexOf('|'));
    call(channel, JSON.parse(inputJson) as ChannelInput<C>).then(
      (data) => live && setLoaded({ key, data, error: null }),
      (err: unknown) =>
        live &&
        setLoaded((prev) => ({ key, data: prev.data, error: err instanceof Error ? err.message : String(err) })),
    );
    return () => {
      live = false;
    };
  }, [channel, key]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: loaded.data, error: loaded.error, loading: loaded.key !== key, reload };
}
