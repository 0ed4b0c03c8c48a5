import type { TargetConfig } from '../core/target';

export const REDACTED = '****';

/** Environment variables whose values are secrets by their name (AWS_SECRET_ACCESS_KEY, TB_MYSQL_PASSWORD, ...). */
const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL|WEBHOOK|NOTIFY_URL/i;
/** Shorter values would mask ordinary words and digits everywhere. */
const MIN_SECRET_LENGTH = 4;

/**
 * Every secret tb knows of at start-up: the target's password, the values of secret-named environment
 * variables, and extra values (the notify URL: a Slack webhook URL is a credential).
 */
export function collectSecrets(
  target: TargetConfig | undefined,
  env: NodeJS.ProcessEnv = process.env,
  extra: readonly (string | undefined)[] = [],
): string[] {
  const values = [
    target && 'password' in target ? target.password : undefined,
    ...Object.entries(env)
      .filter(([name]) => SECRET_NAME.test(name))
      .map(([, value]) => value),
    ...extra,
  ];
  return [
    ...new Set(values.filter((v): v is string => typeof v === 'string' && v.length >= MIN_SECRET_LENGTH)),
  ];
}

/**
 * A function that masks each secret as written, URL-encoded, and escaped inside a JSON string (the logger
 * redacts lines after JSON.stringify). Longest first, so a secret containing another is masked whole.
 */
export function secretRedactor(secrets: readonly string[]): (text: string) => string {
  const forms = new Set<string>();
  for (const s of secrets) {
    forms.add(s);
    forms.add(encodeURIComponent(s));
    forms.add(JSON.stringify(s).slice(1, -1));
  }
  const ordered = [...forms].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
  if (ordered.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const form of ordered) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return out;
  };
}
