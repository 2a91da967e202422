// Renders the Markdown subset of markdown.ts as React elements; a code snippet that is a console
// command gets Run and Copy buttons (SnippetActions). Text goes through React's own
// escaping; there is no dangerouslySetInnerHTML anywhere, and links open in a new tab without
// giving the opened page a handle on this one (rel="noopener noreferrer").
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { SnippetActions } from '../console/SnippetActions';
import { snippetCommand } from '../console/snippet';
import { parseMarkdown } from './markdown';
import type { Block, Inline } from './markdown';
import './markdown.css';

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.kind) {
      case 'text':
        return n.text;
      case 'code': {
        const command = snippetCommand(n.text);
        return command ? (
          <span key={i} className="snippet">
            <code>{n.text}</code>
            <SnippetActions command={command} />
          </span>
        ) : (
          <code key={i}>{n.text}</code>
        );
      }
      case 'strong':
        return <strong key={i}>{renderInline(n.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(n.children)}</em>;
      case 'link':
        return (
          <a key={i} href={n.href} target="_blank" rel="noopener noreferrer">
            {renderInline(n.children)}
          </a>
        );
    }
  });
}

function renderBlock(b: Block, i: number): ReactNode {
  switch (b.kind) {
    case 'paragraph':
      return <p key={i}>{renderInline(b.children)}</p>;
    case 'heading':
      // Headings inside a panel stay below the panel's own title.
      return b.level <= 2 ? (
        <h4 key={i}>{renderInline(b.children)}</h4>
      ) : (
        <h5 key={i}>{renderInline(b.children)}</h5>
      );
    case 'code': {
      const command = snippetCommand(b.text);
      return (
        <div key={i} className={command ? 'snippet snippet--block' : undefined}>
          <pre>
            <code>{b.text}</code>
          </pre>
          {command && <SnippetActions command={command} />}
        </div>
      );
    }
    case 'list': {
      const items = b.items.map((item, j) => <li key={j}>{renderInline(item)}</li>);
      return b.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
    }
  }
}

/** Markdown shows a scenario's or a task's text. */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return <div className={className ? `markdown ${className}` : 'markdown'}>{blocks.map(renderBlock)}</div>;
}
