/**
 * What to do about a YAML syntax error, from the `yaml` package's error code (or, when only js-yaml saw the
 * error, its message). The parsers' own messages say what they expected, rarely what the person should type.
 */
export function yamlSyntaxHint(code: string | undefined, message: string): string {
  const byCode = code === undefined ? undefined : HINTS_BY_CODE[code];
  if (code === 'BAD_INDENT' && /^Flow (sequence|map)/.test(message)) return UNCLOSED_FLOW;
  if (byCode) return byCode;
  if (/tab/i.test(message)) return HINTS_BY_CODE.TAB_AS_INDENT;
  if (/duplicated mapping key/.test(message)) return HINTS_BY_CODE.DUPLICATE_KEY;
  if (/flow collection|missed comma/.test(message)) return UNCLOSED_FLOW;
  if (/indentation/.test(message)) return HINTS_BY_CODE.BAD_INDENT;
  return GENERIC;
}

const UNCLOSED_FLOW =
  'a [ list or { mapping above is not closed: add the ] or }, or write the items on their own indented lines';

const GENERIC =
  "check the indentation (YAML uses spaces, never tabs), that every [ and { is closed, and quote values holding ': ' or starting with {, [, *, & or @";

const HINTS_BY_CODE: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: 'indent with spaces: YAML does not allow tabs for indentation',
  BAD_INDENT: 'check the indentation: the keys of one mapping must start at the same column (spaces only)',
  DUPLICATE_KEY: 'a key may appear only once in a mapping: remove or merge the repeated one',
  MISSING_CHAR: 'add the missing closing character (a quote, ] or }) named in the message',
  BLOCK_AS_IMPLICIT_KEY: "quote a value that holds ': ', e.g. description: 'note: x'",
  MULTILINE_IMPLICIT_KEY:
    "a key and its ': ' must be on one line: check this line's indentation and that the line before is complete",
  UNEXPECTED_TOKEN:
    "check this line's indentation (a key or '- item' at the wrong column) and that nothing follows a quoted value",
  BAD_SCALAR_START: 'quote the value: an unquoted value cannot start with @ or `',
  BAD_ALIAS: 'an alias (*name) needs an anchor (&name) defined before it',
  MULTIPLE_DOCS: 'a tb YAML file holds one document: remove the --- separator',
};
