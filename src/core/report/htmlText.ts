/** HTML escaping for the report page. */

/** Text or an attribute value with `&`, `<`, `>`, `"` and `'` escaped. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
