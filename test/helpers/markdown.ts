/**
 * The job summary as a reader sees it: rendered by markdown-it with raw HTML allowed and linkify on
 * (GitHub renders summaries as GitHub-flavoured markdown with HTML, and autolinks bare URLs).
 * markdown-it's linkify is stricter than GitHub's (it also links bare domains such as `evil.com`),
 * so text that stays unlinked here stays unlinked there.
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: true, linkify: true });

export function renderMarkdown(text: string): string {
  return md.render(text);
}

/** The rendered text without tags, entities decoded, whitespace collapsed. */
export function markdownText(text: string): string {
  return renderMarkdown(text)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(lt|gt|quot|amp|#39);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&', '#39': "'" })[e] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}
