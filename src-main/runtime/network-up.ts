import { networkInterfaces } from 'node:os';

/** Whether any network interface other than loopback is up: false means the machine is offline. */
export function networkUp(): boolean {
  return Object.values(networkInterfaces()).some((addresses) => addresses?.some((a) => !a.internal) ?? false);
}
