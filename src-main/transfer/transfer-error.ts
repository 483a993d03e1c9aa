import { AppError } from '../errors';

/** Why an export file is refused; in the error's details as `reason`. */
export type TransferRefusal =
  | 'not_json'
  | 'not_an_export'
  | 'unsupported_version'
  | 'checksum_mismatch'
  | 'invalid_content'
  | 'passphrase_required'
  | 'wrong_passphrase';

const NOTHING = 'Nothing was imported.';

/** A refused file: `invalid_input` with the reason, and a message that says what to do. Never holds a key. */
export function refused(reason: TransferRefusal, detail = ''): AppError {
  const messages: Record<TransferRefusal, string> = {
    not_json: `This is not an Aditus providers file (it is not JSON). ${NOTHING}`,
    not_an_export: `This is not an Aditus providers file (made by "aditus providers export" or Providers → Export). ${NOTHING}`,
    unsupported_version: `This providers file was made by a newer version of Aditus (${detail}); update Aditus to import it. ${NOTHING}`,
    checksum_mismatch: `The file was changed or damaged after it was exported (its checksum does not match). Export it again. ${NOTHING}`,
    invalid_content: `The providers file is not valid: ${detail}. ${NOTHING}`,
    passphrase_required: `This file holds encrypted API keys: give the passphrase it was exported with. ${NOTHING}`,
    wrong_passphrase: `Wrong passphrase, or the file was altered: the keys could not be decrypted. ${NOTHING}`,
  };
  return new AppError('invalid_input', messages[reason], { reason });
}
