/**
 * Data for a static page that must work from file:// (where fetch() is refused): a script setting a window
 * global. JSON is valid JavaScript; `<` is escaped so no text (a description, an apartment name) can end
 * the script, and U+2028/U+2029 so older engines do not read them as line ends.
 */
export function dataScript(globalName: string, value: unknown): string {
  const json = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'));
  return `window.${globalName} = ${json};\n`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
