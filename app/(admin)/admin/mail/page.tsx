import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/admin/pagination";
import { OutboxList } from "@/components/mail/outbox-list";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { requireStaff } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { readSinkMessages } from "@/lib/mail/demo-sink";
import { listOutbox, OUTBOX_PAGE_SIZE } from "@/lib/mail/outbox-admin";

export const metadata: Metadata = { title: "Email — Reseller Panel" };

const STATES = ["pending", "sent", "dead"] as const;

export default async function MailPage({ searchParams }: { searchParams: Promise<{ state?: string; page?: string }> }) {
  const actor = await requireStaff();
  const params = await searchParams;
  const state = STATES.find((s) => s === params.state);
  const result = await listOutbox(await getDb(), actor, { state, page: Number(params.page) || 1 });
  const settings = config();
  const sink = settings.MAIL_SINK_DIR ? await readSinkMessages(settings.MAIL_SINK_DIR) : null;
  return (
    <>
      <PageHeader
        title="Email"
        description="Every email the panel sends waits in this outbox until the worker hands it to the SMTP server. Failures are retried with growing pauses; after 8 attempts a message is dead."
      />
      {settings.SMTP_URL ? null : (
        <p className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" role="status">
          SMTP_URL is not set: messages wait here and are sent once it is (see the README).
        </p>
      )}
      {sink ? (
        <Card title="Demo mailbox (local SMTP sink)" className="mb-6">
          <p className="mb-3 text-sm text-slate-600">What the demo&apos;s local SMTP server received, newest first, in full — links included. Only the demo has this.</p>
          {sink.length === 0 ? (
            <EmptyState>Nothing received yet. Try “Forgot password?” on the sign-in page.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200" data-testid="demo-mailbox">
              {sink.map((mail) => (
                <li key={mail.file} className="py-3 text-sm">
                  <details>
                    <summary className="cursor-pointer break-all">
                      <span className="font-medium text-slate-900">{mail.subject}</span> <span className="text-slate-600">to {mail.to} · <Time value={mail.receivedAt} relative /></span>
                    </summary>
                    <pre className="mt-2 whitespace-pre-wrap break-all rounded bg-slate-50 p-3 font-mono text-xs text-slate-800">{mail.text}</pre>
                  </details>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
      <Card title="Outbox">
        <nav aria-label="Filter by state" className="mb-3 flex flex-wrap gap-3 text-sm">
          {[undefined, ...STATES].map((s) => (
            <Link key={s ?? "all"} href={s ? `/admin/mail?state=${s}` : "/admin/mail"} aria-current={s === state ? "page" : undefined} className={s === state ? "font-semibold text-slate-900" : "text-indigo-600 hover:underline"}>
              {s ?? "all"}
              {s ? ` (${result.counts[s] ?? 0})` : ""}
            </Link>
          ))}
        </nav>
        {result.rows.length === 0 ? <EmptyState>No messages{state ? ` in state ${state}` : ""}.</EmptyState> : <OutboxList rows={result.rows} canRetry={actor.role === "admin"} />}
        <Pagination path="/admin/mail" params={{ state }} page={result.page} pageSize={OUTBOX_PAGE_SIZE} total={result.total} />
      </Card>
    </>
  );
}
