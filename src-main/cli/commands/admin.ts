import { Command } from 'commander';
import type { CliContext } from '../context';
import { writeJson, writeLine } from '../io';
import { promptHidden } from '../prompt';

async function secretInput(c: CliContext, envName: string, question: string): Promise<string> {
  const fromEnv = c.io.env[envName];
  if (fromEnv) return fromEnv;
  if (!c.io.stdin.isTTY) return c.fail(`set ${envName} or run in a terminal to be prompted`, 2);
  return promptHidden(c.io, question);
}

function recoveryCodesLeftLine(left: number): string {
  const count = `${left} recovery code${left === 1 ? '' : 's'} left`;
  return left <= 2
    ? `Recovery code used: ${count}. Re-enrol the authenticator in Settings to get new codes.`
    : `Recovery code used: ${count}.`;
}

export function adminCommand(ctx: () => CliContext): Command {
  const cmd = new Command('admin').description('the local admin account (password + TOTP)');

  cmd
    .command('init')
    .alias('setup')
    .description(
      'start the admin setup (password from ADITUS_ADMIN_PASSWORD or a prompt): prints the authenticator secret and ' +
        'recovery codes; nothing is active until `aditus admin login` confirms a code from the new authenticator',
    )
    .option('--restart', 'discard an unfinished setup and start over')
    .action(async (flags: { restart?: boolean }) => {
      const c = ctx();
      const password = await secretInput(c, 'ADITUS_ADMIN_PASSWORD', 'New admin password: ');
      const enrolment = await c.call('admin:setup', { password, ...(flags.restart ? { restart: true } : {}) });
      if (c.json) {
        const { qrSvg: _svg, ...rest } = enrolment;
        return writeJson(c.io, rest);
      }
      writeLine(c.io.stdout, 'Add this to your authenticator app:');
      writeLine(c.io.stdout, enrolment.otpauthUri);
      writeLine(c.io.stdout, '\nRecovery codes (each works once; store them somewhere safe):');
      for (const code of enrolment.recoveryCodes) writeLine(c.io.stdout, `  ${code}`);
      writeLine(
        c.io.stdout,
        '\nThe admin account is not active yet: finish with `aditus admin login` and a code from your authenticator ' +
          'app (`aditus admin init --restart` starts over).',
      );
    });

  cmd
    .command('login')
    .description(
      'unlock admin for this OS user (ADITUS_ADMIN_PASSWORD / ADITUS_ADMIN_TOTP or prompts); the session lasts ' +
        '15 minutes, or up to 8 hours (15 minutes idle) with --remember. After `admin init`, the first login with a ' +
        'code from the new authenticator creates the account',
    )
    .option('--remember', 'keep the session up to 8 hours instead of 15 minutes (the token stays in the OS keychain)')
    .action(async (flags: { remember?: boolean }) => {
      const c = ctx();
      const password = await secretInput(c, 'ADITUS_ADMIN_PASSWORD', 'Admin password: ');
      const code = c.io.env['ADITUS_ADMIN_TOTP'] ?? (await secretInput(c, 'ADITUS_ADMIN_TOTP', 'TOTP code: '));
      const session = c.session();
      const finishesSetup = (await c.callAs(session, 'admin:status', {})).pendingSetupSince !== null;
      const status = await c.callAs(session, 'admin:unlock', {
        password,
        code,
        ...(flags.remember ? { remember: true } : {}),
      });
      await c.saveAdminToken(session.adminToken);
      if (c.json) return writeJson(c.io, status);
      if (finishesSetup) writeLine(c.io.stdout, 'Admin account created.');
      const until = new Date(status.expiresAt ?? 0).toLocaleTimeString();
      writeLine(
        c.io.stdout,
        flags.remember
          ? `Admin unlocked until ${until} (15 minutes idle, 8 hours at most).`
          : `Admin unlocked until ${until} (use --remember for up to 8 hours).`,
      );
      if (status.usedRecoveryCode) writeLine(c.io.stdout, recoveryCodesLeftLine(status.recoveryCodesLeft ?? 0));
    });

  cmd
    .command('logout')
    .description('end the admin session')
    .action(async () => {
      const c = ctx();
      const session = c.session(await c.adminToken());
      const status = await c.callAs(session, 'admin:lock', {});
      await c.saveAdminToken(null);
      if (c.json) return writeJson(c.io, status);
      writeLine(c.io.stdout, 'Admin locked.');
    });

  cmd
    .command('status')
    .description('whether an admin account exists and this user is unlocked')
    .action(async () => {
      const c = ctx();
      const status = await c.call('admin:status', {});
      if (c.json) return writeJson(c.io, status);
      if (!status.configured && status.pendingSetupSince !== null)
        return writeLine(
          c.io.stdout,
          `An admin setup started ${new Date(status.pendingSetupSince).toLocaleString()} is not finished: run ` +
            '`aditus admin login` with a code from the new authenticator, or `aditus admin init --restart`.',
        );
      if (!status.configured) return writeLine(c.io.stdout, 'No admin account yet: run `aditus admin init`.');
      writeLine(
        c.io.stdout,
        status.unlocked
          ? `Admin unlocked until ${new Date(status.expiresAt ?? 0).toLocaleTimeString()}.`
          : 'Admin locked: run `aditus admin login`.',
      );
      if (status.recoveryCodesLeft !== null)
        writeLine(c.io.stdout, `Recovery codes left: ${status.recoveryCodesLeft}.`);
      if (status.lockedUntil)
        writeLine(c.io.stdout, `Unlock is blocked until ${new Date(status.lockedUntil).toLocaleTimeString()}.`);
    });

  return cmd;
}

export function auditCommand(ctx: () => CliContext): Command {
  const cmd = new Command('audit').description('the hash-chained audit log (admin)');
  cmd
    .command('list')
    .description('audit rows, newest first')
    .option('--limit <n>', 'how many rows', '50')
    .option('--action <prefix>', 'only actions starting with this, e.g. provider. or admin.login')
    .action(async (flags: { limit: string; action?: string }) => {
      const c = ctx();
      const rows = await c.call('audit:list', {
        limit: Number(flags.limit),
        ...(flags.action ? { action: flags.action } : {}),
      });
      if (c.json) return writeJson(c.io, rows);
      for (const r of rows)
        writeLine(
          c.io.stdout,
          `${new Date(r.at).toISOString()}  ${r.actor}  ${r.action}${r.target ? `  ${r.target}` : ''}`,
        );
    });
  cmd
    .command('verify')
    .description('verify the hash chain; exits non-zero when a row was modified, deleted or reordered')
    .action(async () => {
      const c = ctx();
      const result = await c.call('audit:verify', {});
      if (c.json) writeJson(c.io, result);
      else writeLine(result.ok ? c.io.stdout : c.io.stderr, result.message);
      if (!result.ok) c.exit(1);
    });
  return cmd;
}
