// A ticket message as text: React escapes every character, so nothing a customer writes becomes
// HTML; only http(s) URLs become links, opened apart with rel="noopener nofollow noreferrer".
// Anything else that looks like a link (javascript:, data:, a bare domain) stays plain text.
import { Fragment } from "react";
import { splitLinks } from "@/lib/tickets/links";

export function TicketText({ body }: { body: string }) {
  return (
    <p className="whitespace-pre-wrap break-words text-sm text-slate-800 [overflow-wrap:anywhere]">
      {splitLinks(body).map((part, index) =>
        part.href ? (
          <a key={index} href={part.href} target="_blank" rel="noopener nofollow noreferrer" className="text-indigo-700 underline">
            {part.text}
          </a>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </p>
  );
}
