/**
 * Markdown text helpers of the generated reports: prose escaped so that it renders as written,
 * paragraphs wrapped to lines a reviewer reads in a diff, and the anchor GitHub gives a heading.
 */

/** Where prose wraps: the width of the hand-written docs. */
export const WRAP_WIDTH = 100;

/** A table cell: a `|` would end the cell, a line break the row. */
export const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A code span. */
export const code = (s: string): string => `\`${s}\``;

/**
 * Prose that renders as written: `<env>` must not become an HTML tag, and `kms:*` or
 * `ECDHE-*-AES128` must not open emphasis (a `_` inside a word never does on GitHub).
 */
export const prose = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\*/g, '\\*')
    .replace(/(^|[^A-Za-z0-9])_|_(?=[^A-Za-z0-9]|$)/g, (m) => m.replace('_', '\\_'));

/**
 * A word that would start a block (a list item, a quote, a heading, a table row, a fence or a
 * setext underline) when it begins a line: wrapping never puts one there.
 */
const BLOCK_START = /^(?:[-+>#|=]|\d+[.)]|```|~~~)/;

/** A word to wrap: characters up to a space, where a code span (`` `npm run docs` ``) counts as one. */
const WORD = /(?:`[^`]*`|[^\s`])+/g;

/**
 * `text` as lines of at most `width` characters where its words allow: the first line starts
 * with `first` (`- enforcement: `), the others with `rest` (the indent that keeps them in the
 * list item). Breaks only between words, never inside a code span.
 */
export function wrap(text: string, first = '', rest = '', width = WRAP_WIDTH): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.match(WORD) ?? []) {
    if (!empty && line.length + 1 + word.length > width && !BLOCK_START.test(word)) {
      lines.push(line);
      line = rest + word;
    } else line += (empty ? '' : ' ') + word;
    empty = false;
  }
  return [...lines, line];
}

/**
 * The anchor GitHub gives a heading of this text (github-slugger): lower case, punctuation other
 * than `-` and `_` dropped, each space a `-`.
 */
export const slug = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
