/** HTML escaping for the report page. */
import { visibleText } from './visibleText';

/** Text or an attribute value with `&`, `<`, `>`, `"` and `'` escaped, control characters and bidi overrides shown as `\uXXXX`. */
export function escapeHtml(value: string): string {
  return visibleText(value, { keepNewlines: true })
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
