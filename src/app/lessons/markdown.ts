// A tiny Markdown subset for scenario and lesson texts, parsed into a tree the page renders as
// React elements (Markdown.tsx): never HTML strings, so a shared scenario cannot inject markup.
// Paragraphs, `#` headings, `-`/`*`/`1.` lists, fenced code, `code`, **bold**, *emphasis* and
// [links](https://…) with an http(s) address; anything else is shown as the text it is.
// A line that starts with `kubectl `, `sim ` or `$ ` is a command and shows as code, as the
// scenario descriptions written before this renderer expect.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'heading'; level: number; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'code'; text: string };

const LIST_ITEM = /^\s*([-*+]|\d+[.)])\s+(.*)$/;
const FENCE = /^\s*```/;
const HEADING = /^(#{1,4})\s+(.*)$/;
const COMMAND = /^(\$ |kubectl |sim )/;
const LINK = /^\[([^\]\n]+)\]\(([^()\s]+)\)/;

/** safeHref returns the address when it is an absolute http(s) URL, else undefined. */
export function safeHref(href: string): string | undefined {
  return /^https?:\/\/[^\s]+$/i.test(href) ? href : undefined;
}

// Emphasis with `_` must not fire inside snake_case words.
function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9]/.test(c);
}

/** parseInline turns one paragraph's text into inline nodes. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buf = '';
  const flush = () => {
    if (buf) out.push({ kind: 'text', text: buf });
    buf = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    const rest = text.slice(i);
    if (c === '\\' && i + 1 < text.length && /[\\`*_[\]()#-]/.test(text.charAt(i + 1))) {
      buf += text.charAt(i + 1);
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ kind: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (rest.startsWith('**')) {
      const end = text.indexOf('**', i + 2);
      if (end > i + 2) {
        flush();
        out.push({ kind: 'strong', children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if (
      (c === '*' || c === '_') &&
      !/\s/.test(text.charAt(i + 1)) &&
      !(c === '_' && isWordChar(text[i - 1]))
    ) {
      const end = text.indexOf(c, i + 1);
      const closes =
        end > i + 1 && !/\s/.test(text.charAt(end - 1)) && !(c === '_' && isWordChar(text[end + 1]));
      if (closes) {
        flush();
        out.push({ kind: 'em', children: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    const link = c === '[' ? LINK.exec(rest) : null;
    if (link) {
      flush();
      const href = safeHref(link[2] ?? '');
      const children = parseInline(link[1] ?? '');
      // An address that is not http(s) (javascript:, data:, relative) is dropped: its text stays.
      if (href) out.push({ kind: 'link', href, children });
      else out.push(...children);
      i += link[0].length;
      continue;
    }
    buf += c;
    i++;
  }
  flush();
  return out;
}

/** parseMarkdown splits a text into blocks; it never fails, whatever the input. */
export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let para: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flushPara = () => {
    if (para.length) blocks.push({ kind: 'paragraph', children: parseInline(para.join(' ')) });
    para = [];
  };
  const flushList = () => {
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = raw.trim();
    if (FENCE.test(raw)) {
      flushPara();
      flushList();
      const code: string[] = [];
      for (i++; i < lines.length && !FENCE.test(lines[i] ?? ''); i++) code.push(lines[i] ?? '');
      blocks.push({ kind: 'code', text: dedent(code).join('\n') });
      continue;
    }
    if (!line) {
      flushPara();
      // A blank line inside a list ends it only if what follows is not another item.
      if (list && !LIST_ITEM.test(lines[i + 1] ?? '')) flushList();
      continue;
    }
    const item = LIST_ITEM.exec(raw);
    if (item) {
      flushPara();
      const ordered = /\d/.test(item[1] ?? '');
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, items: [] };
      list.items.push(item[2] ?? '');
      continue;
    }
    if (list && /^\s+/.test(raw) && list.items.length > 0) {
      // An indented line continues the current item.
      list.items[list.items.length - 1] += ` ${line}`;
      continue;
    }
    flushList();
    const heading = HEADING.exec(line);
    if (heading) {
      flushPara();
      blocks.push({
        kind: 'heading',
        level: heading[1]?.length ?? 1,
        children: parseInline(heading[2] ?? ''),
      });
    } else if (COMMAND.test(line)) {
      flushPara();
      blocks.push({ kind: 'code', text: line.replace(/^\$ /, '') });
    } else {
      para.push(line);
    }
  }
  flushPara();
  flushList();
  return blocks;
}

function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)?.[0].length ?? 0);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut));
}
