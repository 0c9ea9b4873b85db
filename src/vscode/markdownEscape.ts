/**
 * Escapes text for a MarkdownString: every ASCII punctuation character is backslash-escaped
 * (CommonMark allows it for all of them), so document text can open no link, emphasis, HTML
 * tag, autolink (`command:` loses its colon) or theme icon. Line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
