import { notifications } from '@mantine/notifications';
import { errorMessage } from './ipc';

export function notifySuccess(title: string, message?: string): void {
  notifications.show({ title, message: message ?? '', color: 'green', withBorder: true });
}

export function notifyError(title: string, err: unknown): void {
  notifications.show({ title, message: errorMessage(err), color: 'red', withBorder: true, autoClose: 8000 });
}

export function notifyInfo(title: string, message: string): void {
  notifications.show({ title, message, color: 'blue', withBorder: true, autoClose: 8000 });
}

/** Stays until closed: something the user should act on. */
export function notifyWarning(title: string, message: string): void {
  notifications.show({ title, message, color: 'orange', withBorder: true, autoClose: false });
}
