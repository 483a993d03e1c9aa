import { z } from 'zod';
import { channel } from './define';
import {
  adminStatusSchema,
  auditListInputSchema,
  auditRowSchema,
  auditVerificationSchema,
  enrolmentSchema,
  passwordSchema,
  secondFactorSchema,
} from './dto/admin';
import { appInfoSchema } from './dto/app';
import { emptyInputSchema } from './dto/common';
import { providerConfigDtoSchema, providerConfigInputSchema } from './dto/providers';

const nameRef = z.object({ name: z.string().min(1).max(64) }).strict();

/** THE IPC contract: every channel, its input and output schema, and the role it needs. */
export const channels = {
  'app:info': channel({
    input: emptyInputSchema,
    output: appInfoSchema,
    role: 'recruiter',
    summary: 'Version, host, data folder and the caller’s role.',
  }),
  'providers:list': channel({
    input: emptyInputSchema,
    output: z.array(providerConfigDtoSchema),
    role: 'recruiter',
    summary: 'Provider configs with key hints (never keys).',
  }),
  'providers:create': channel({
    input: z
      .object({
        config: providerConfigInputSchema,
        apiKey: z.string().min(1).max(512).optional(),
      })
      .strict(),
    output: providerConfigDtoSchema,
    role: 'admin',
    summary: 'Create a provider config; the key goes to the OS keychain.',
  }),
  'providers:update': channel({
    input: z
      .object({
        name: z.string().min(1).max(64),
        patch: providerConfigInputSchema.partial(),
        apiKey: z.string().min(1).max(512).optional(),
      })
      .strict(),
    output: providerConfigDtoSchema,
    role: 'admin',
    summary: 'Change a provider config or replace its key.',
  }),
  'providers:remove': channel({
    input: nameRef,
    output: z.object({ removed: z.boolean() }),
    role: 'admin',
    summary: 'Delete a provider config and its keychain entry.',
  }),
  'providers:test': channel({
    input: nameRef,
    output: z.object({ ok: z.boolean(), model: z.string(), latencyMs: z.number(), message: z.string() }),
    role: 'admin',
    summary: 'Make an authenticated call with the stored key.',
  }),
  'providers:models': channel({
    input: nameRef,
    output: z.array(z.object({ id: z.string(), displayName: z.string().optional() })),
    role: 'admin',
    summary: 'List the models the provider offers.',
  }),
  'admin:status': channel({
    input: emptyInputSchema,
    output: adminStatusSchema,
    role: 'recruiter',
    summary: 'Whether an admin account exists and this session is unlocked.',
  }),
  'admin:setup': channel({
    input: z.object({ password: passwordSchema }).strict(),
    output: enrolmentSchema,
    role: 'recruiter',
    summary: 'First run only: create the admin account and enrol TOTP.',
  }),
  'admin:unlock': channel({
    input: z.object({ password: passwordSchema, code: secondFactorSchema }).strict(),
    output: adminStatusSchema,
    role: 'recruiter',
    summary: 'Unlock admin with password + TOTP (or a recovery code).',
  }),
  'admin:lock': channel({
    input: emptyInputSchema,
    output: adminStatusSchema,
    role: 'recruiter',
    summary: 'End the admin session.',
  }),
  'admin:change-password': channel({
    input: z.object({ currentPassword: passwordSchema, newPassword: passwordSchema }).strict(),
    output: z.object({ changed: z.literal(true) }),
    role: 'admin',
    summary: 'Change the admin password.',
  }),
  'admin:reenrol-totp': channel({
    input: z.object({ password: passwordSchema }).strict(),
    output: enrolmentSchema,
    role: 'admin',
    summary: 'Replace the TOTP secret and the recovery codes.',
  }),
  'audit:list': channel({
    input: auditListInputSchema,
    output: z.array(auditRowSchema),
    role: 'admin',
    summary: 'Audit log rows, newest first.',
  }),
  'audit:verify': channel({
    input: emptyInputSchema,
    output: auditVerificationSchema,
    role: 'admin',
    summary: 'Check the audit hash chain.',
  }),
} as const;

export type Channels = typeof channels;
export type Channel = keyof Channels;
export type ChannelInput<C extends Channel> = z.input<Channels[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Channels[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(channels, name);
}
