/**
 * Live feedback while an admin picks a password. It mirrors the rules main enforces (at least 12
 * characters; under 16 characters, three of: lower case, upper case, digits, symbols; no common or
 * single-character passwords) so the form can say what is missing before the server does. The server
 * still decides: its message is shown when it refuses.
 */
export interface PasswordStrength {
  /** 0–100 for the meter. */
  score: number;
  label: 'Too weak' | 'Weak' | 'Good' | 'Strong';
  color: 'red' | 'orange' | 'yellow' | 'teal';
  /** What is still missing, as short advice. */
  missing: string[];
  acceptable: boolean;
}

const COMMON = new Set([
  'password',
  'passw0rd',
  'qwertyuiop',
  'letmein',
  'welcome',
  'admin',
  'administrator',
  'aditus',
]);

export function characterClasses(password: string): number {
  return [/[a-z]/u, /[A-Z]/u, /\d/u, /[^A-Za-z0-9]/u].filter((re) => re.test(password)).length;
}

export function passwordStrength(password: string): PasswordStrength {
  const missing: string[] = [];
  const classes = characterClasses(password);
  if (password.length < 12) missing.push(`at least 12 characters (${password.length} so far)`);
  if (password.length < 16 && classes < 3)
    missing.push('three of: lower case, upper case, digits, symbols — or 16+ characters');
  if (/^(.)\1+$/u.test(password)) missing.push('more than one repeated character');
  if (COMMON.has(password.toLowerCase().replace(/\d+$/u, ''))) missing.push('not a common password');
  const acceptable = missing.length === 0;
  const lengthPoints = Math.min(password.length, 20) * 3.5;
  const score = Math.min(100, Math.round(lengthPoints + classes * 7.5));
  if (!acceptable) return { score: Math.min(score, 35), label: 'Too weak', color: 'red', missing, acceptable };
  if (password.length >= 16 && classes >= 3) return { score: 100, label: 'Strong', color: 'teal', missing, acceptable };
  return score >= 75
    ? { score, label: 'Good', color: 'yellow', missing, acceptable }
    : { score: Math.max(score, 50), label: 'Weak', color: 'orange', missing, acceptable };
}
