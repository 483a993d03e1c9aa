import type { AdminService, Enrolment } from '../admin/admin-service';
import type { DomainChannel, FeatureHandlers } from '../ipc/handlers';

/** The QR code library is imported when an enrolment is shown, not at start-up. */
async function withQr(enrolment: Enrolment) {
  const { default: QRCode } = await import('qrcode');
  return { ...enrolment, qrSvg: await QRCode.toString(enrolment.otpauthUri, { type: 'svg', margin: 1 }) };
}

/** `admin:*`: the local admin account (password + TOTP) and its sessions. */
export function adminHandlers({ admin }: { admin: AdminService }): FeatureHandlers<DomainChannel<'admin'>> {
  return {
    'admin:status': (_input, ctx) => admin.status(ctx.session),
    'admin:setup': async ({ password, restart }, ctx) =>
      withQr(await admin.setup(password, ctx.session, { restart: restart === true })),
    'admin:setup-resume': async ({ password }, ctx) => withQr(await admin.resumeSetup(password, ctx.session)),
    'admin:unlock': ({ password, code, remember }, ctx) =>
      admin.unlock(password, code, ctx.session, { remember: remember === true }),
    'admin:lock': (_input, ctx) => admin.lock(ctx.session),
    'admin:change-password': async ({ currentPassword, newPassword }, ctx) => {
      await admin.changePassword(currentPassword, newPassword, ctx.session);
      return { changed: true as const };
    },
    'admin:reenrol-totp': async ({ password }, ctx) => withQr(await admin.reenrolTotp(password, ctx.session)),
    'admin:reenrol-totp-confirm': async ({ code }, ctx) => {
      await admin.confirmReenrolment(code, ctx.session);
      return { reenrolled: true as const };
    },
  };
}
