/**
 * User text is data. Names, owners, projects and vendor errors come from a config document or a vendor
 * and reach people's screens; none of them may become markup there. An owner
 * `alice@example.com\n[Renew now](https://evil.example.com/pay)` must read as that text, on one line,
 * with nothing to click.
 *
 * Two steps. `inert` runs on every piece of user text whatever the platform: control characters and
 * line breaks become one space (a line break forges a line: `Acknowledge: https://evil…`, a heading, a
 * quote), and `://` becomes `∶//` so no client auto-links a URL someone typed into a name. Then each
 * platform's own escaper runs over the whole message text (ours holds no markup of its own):
 *
 * - markdown (DingTalk, WeCom, Feishu `lark_md`, Teams TextBlocks): none of them documents a backslash
 *   escape, so the characters that open markup are replaced by their full-width forms, which every
 *   client shows and none parses: `[` `]` (links and images), `<` `>` (HTML and WeCom's `<font>`),
 *   `*` `` ` `` `~` (emphasis, code, strike-through), `|` (tables), and `#` (headings). `_` stays: ids,
 *   keys and addresses hold it, and inside a word it emphasises nothing.
 * - Slack mrkdwn: `&`, `<` and `>` as entities, Slack's own documented rule (`<url|text>` is its link).
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** One line of plain text that no client turns into a link. */
export function inert(text: string): string {
  return text.replace(CONTROL, ' ').replace(/:\/\//g, '\u2236//');
}

/** Like `inert`, but keeps the line breaks of text laid out in lines by the guard itself (a digest). */
export function inertLines(text: string): string {
  return text
    .split('\n')
    .map((line) => inert(line))
    .join('\n');
}

const MARKDOWN: Readonly<Record<string, string>> = {
  '[': '［',
  ']': '］',
  '<': '＜',
  '>': '＞',
  '*': '＊',
  '`': '｀',
  '~': '～',
  '|': '｜',
  '#': '＃',
};

/** Text shown inside a markdown message, with nothing in it that a markdown renderer reads as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[[\]<>*`~|#]/g, (ch) => MARKDOWN[ch]!);
}

/** Slack mrkdwn's three control characters, as Slack's "Formatting text" reference asks. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
