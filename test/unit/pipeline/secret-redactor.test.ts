import { createLogger } from '../../../src/core/logger';
import { collectSecrets, secretRedactor } from '../../../src/pipeline/secret-redactor';
import { mysqlTarget } from '../../helpers/targets';

describe('secret redaction', () => {
  const password = 'p@ss"w\\rd/42';
  const secrets = collectSecrets(
    mysqlTarget('x', { password }),
    { AWS_SECRET_ACCESS_KEY: 'AKsecretKEY123', TB_MYSQL_HOST: 'db.internal', SHORT_TOKEN: 'abc' },
    ['https://hooks.slack.com/services/T0/B0/XYZ'],
  );

  it('collects the password, secret-named variables and extras, not ordinary ones', () => {
    expect(secrets).toEqual(
      expect.arrayContaining([password, 'AKsecretKEY123', 'https://hooks.slack.com/services/T0/B0/XYZ']),
    );
    expect(secrets).not.toContain('db.internal');
    expect(secrets).not.toContain('abc');
  });

  it('masks plain, URL-encoded and JSON-escaped forms in logger lines', () => {
    const lines: string[] = [];
    const out = { write: (s: string) => lines.push(s) } as unknown as NodeJS.WritableStream;
    const logger = createLogger({ format: 'json', out, redact: secretRedactor(secrets) });
    logger.error('x', `cannot connect with ${password} to mysql://u:${encodeURIComponent(password)}@h`, {
      key: 'AKsecretKEY123',
    });
    const text = lines.join('');
    expect(text).not.toContain('AKsecretKEY123');
    expect(text).not.toContain(encodeURIComponent(password));
    expect(text).not.toContain(JSON.stringify(password).slice(1, -1));
    expect(text).toContain('****');
    expect(JSON.parse(text).key).toBe('****');
  });
});
