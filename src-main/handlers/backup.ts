import type { BackupReportDto } from '@contract';
import { actorOf } from '../admin/admin-service';
import type { BackupService } from '../backup/backup-service';
import type { RestoreSource } from '../backup/restore-database';
import type { DomainChannel, FeatureHandlers } from '../ipc/handlers';

export interface BackupHandlerServices {
  backups: BackupService;
}

type Source = { path: string } | { file: { fileName: string; dataBase64: string } };

const sourceOf = (input: Source): RestoreSource =>
  'path' in input
    ? { path: input.path }
    : { bytes: Buffer.from(input.file.dataBase64, 'base64'), name: input.file.fileName };

/** `backup:*`: back the database up, verify a backup, restore one (admin). */
export function backupHandlers({ backups }: BackupHandlerServices): FeatureHandlers<DomainChannel<'backup'>> {
  return {
    'backup:write': (input, ctx) => backups.writeTo(input.out, actorOf(ctx.session)),
    'backup:download': async (_input, ctx) => {
      const { fileName, bytes, report } = await backups.download(actorOf(ctx.session));
      return { fileName, mediaType: 'application/vnd.sqlite3', dataBase64: bytes.toString('base64'), report };
    },
    'backup:verify': (input): BackupReportDto => {
      const source = sourceOf(input);
      return 'path' in source ? backups.verifyFile(source.path) : backups.inspect(source.bytes, source.name);
    },
    'backup:restore': (input, ctx) => {
      const { report, replacedName } = backups.stageRestore(sourceOf(input), actorOf(ctx.session));
      return { report, replacedName };
    },
  };
}
