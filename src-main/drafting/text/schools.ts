const INSTITUTION =
  '(?:University|College|Institute|Polytechnic|Academy|School|Universit[äa]t|Universiteit|Universit[ée]|Universidad|Universit[àa]|Universidade|Hochschule|Fachhochschule|Politecnico|Uniwersytet|Conservatory)';
const NAME_WORD = "\\p{Lu}[\\p{L}'\u2019.&-]*";
const CONNECTOR = '(?:of|for|de|di|del|der|des|du|f[üu]r|and|&|the|la|le)';
// A name starts at the first capital of a word: without the look-behind, each capital inside a long run such as
// "A.B.C.…" re-scans the rest of the run (quadratic on one long line). The lazy look-behind only reads back to the
// previous capital, so each character is read a bounded number of times.
const SCHOOL = new RegExp(
  `(?=\\p{Lu})(?<!\\p{Lu}[\\p{L}'\u2019.&-]*?)(?:${NAME_WORD}[ \\t]+){0,4}${INSTITUTION}(?:[ \\t]+(?:${CONNECTOR}[ \\t]+)+${NAME_WORD}(?:[ \\t]+(?:${CONNECTOR}[ \\t]+)?${NAME_WORD}){0,5})?`,
  'gu',
);
const BARE_INSTITUTION = new RegExp(`^${INSTITUTION}$`, 'u');

/** Names of schools and universities ("Technical University of Denmark", "Aarhus University"). */
export function findSchoolNames(text: string): { name: string; index: number }[] {
  const names: { name: string; index: number }[] = [];
  for (const match of text.matchAll(SCHOOL)) {
    const name = match[0].replace(/[\s.,]+$/u, '').trim();
    if (BARE_INSTITUTION.test(name)) continue;
    names.push({ name, index: match.index });
  }
  return names;
}
