// Schemas are z.lazy (built on first use, so a command builds only its channels' schemas) unless code extends them or reads their shape.
import { z } from 'zod';

export const adminStatusSchema = z.object({
  configured: z.boolean(),
  /** A first-run setup was started at this time and its authenticator not confirmed yet (no account exists). */
  pendingSetupSince: z.number().int().nullable(),
  unlocked: z.boolean(),
  expiresAt: z.number().int().nullable(),
  lockedUntil: z.number().int().nullable(),
  /** Unused recovery codes; only for an unlocked admin (null otherwise). */
  recoveryCodesLeft: z.number().int().nullable(),
});
export type AdminStatus = z.infer<typeof adminStatusSchema>;

export const adminUnlockResultSchema = z.lazy(() =>
  adminStatusSchema.extend({
    /** This unlock used up a recovery code. */
    usedRecoveryCode: z.boolean(),
  }),
);
export type AdminUnlockResult = z.infer<typeof adminUnlockResultSchema>;

export const enrolmentSchema = z.lazy(() =>
  z.object({
    otpauthUri: z.string(),
    secret: z.string(),
    recoveryCodes: z.array(z.string()),
    /** SVG markup of the otpauth QR code, generated in main. */
    qrSvg: z.string(),
  }),
);
export type Enrolment = z.infer<typeof enrolmentSchema>;

export const passwordSchema = z.string().min(1, 'Password is required').max(256);
export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/u, 'Enter the 6 digits your authenticator app shows');
export const secondFactorSchema = z.string().trim().min(6, 'Enter the 6-digit code or a recovery code').max(32);

export const auditRowSchema = z.lazy(() =>
  z.object({
    id: z.number().int(),
    at: z.number().int(),
    actor: z.string(),
    action: z.string(),
    target: z.string().nullable(),
    before: z.string().nullable(),
    after: z.string().nullable(),
    hash: z.string(),
  }),
);
export type AuditRowDto = z.infer<typeof auditRowSchema>;

export const auditListInputSchema = z.lazy(() =>
  z
    .object({
      limit: z.number().int().min(1).max(5000).default(200),
      action: z.string().max(64).optional(),
      actor: z.string().max(128).optional(),
      since: z.number().int().nonnegative().optional(),
      until: z.number().int().nonnegative().optional(),
    })
    .strict(),
);

export const auditVerificationSchema = z.lazy(() =>
  z.object({
    ok: z.boolean(),
    rows: z.number().int(),
    firstBadId: z.number().int().nullable(),
    message: z.string(),
  }),
);
