// Markdown written by staff (FAQ, terms, privacy, announcements), rendered safely: react-markdown
// builds React elements (never innerHTML), raw HTML in the source is dropped (skipHtml), link
// targets go through its defaultUrlTransform (javascript:, data: … removed), and links open
// apart with rel="noopener nofollow noreferrer". Images are not shown (no tracking pixels).
import ReactMarkdown, { type Components } from "react-markdown";

const components: Components = {
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener nofollow noreferrer" className="text-indigo-700 underline">
      {children}
    </a>
  ),
  img: ({ alt }) => <span>{alt}</span>,
  h1: ({ children }) => <h2 className="mt-6 text-xl font-bold text-slate-900">{children}</h2>,
  h2: ({ children }) => <h2 className="mt-6 text-lg font-semibold text-slate-900">{children}</h2>,
  h3: ({ children }) => <h3 className="mt-4 font-semibold text-slate-900">{children}</h3>,
  p: ({ children }) => <p className="mt-3 break-words leading-relaxed">{children}</p>,
  ul: ({ children }) => <ul className="mt-3 list-disc space-y-1 pl-6">{children}</ul>,
  ol: ({ children }) => <ol className="mt-3 list-decimal space-y-1 pl-6">{children}</ol>,
  code: ({ children }) => <code className="rounded bg-slate-100 px-1 font-mono text-sm">{children}</code>,
  pre: ({ children }) => <pre className="mt-3 overflow-x-auto rounded bg-slate-100 p-3 text-sm">{children}</pre>,
  blockquote: ({ children }) => <blockquote className="mt-3 border-l-4 border-slate-200 pl-4 text-slate-600">{children}</blockquote>,
};

export function Markdown({ source }: { source: string }) {
  return (
    <div className="text-sm text-slate-800 [overflow-wrap:anywhere]" data-testid="markdown">
      <ReactMarkdown skipHtml components={components}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
