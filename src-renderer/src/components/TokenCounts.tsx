import { Text, Tooltip } from '@mantine/core';
import { formatInteger } from '../lib/format';

/** The mark after an estimated count, as the CLI prints it (`1545~`). */
export const ESTIMATED_MARK = '~';

const EXPLANATION =
  'The provider sent no usage figures, so Aditus estimated these token counts from the text. Budgets and the Usage page count them as estimated.';

/**
 * "1,545 in / 300 out tokens", each count marked `~` when it is an estimate, followed by a legend that says
 * what the mark means (and a tooltip with why).
 */
export function TokenCounts({ input, output, estimated }: { input: number; output: number; estimated: boolean }) {
  const mark = estimated ? ESTIMATED_MARK : '';
  return (
    <>
      {formatInteger(input)}
      {mark} in / {formatInteger(output)}
      {mark} out tokens
      {estimated && (
        <Tooltip label={EXPLANATION} withArrow multiline w={280}>
          <Text span inherit tabIndex={0} td="underline dotted" data-testid="estimated-legend">
            {' '}
            ({ESTIMATED_MARK} estimated)
          </Text>
        </Tooltip>
      )}
    </>
  );
}
