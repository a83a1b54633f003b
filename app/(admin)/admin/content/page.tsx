import type { Metadata } from "next";
import Link from "next/link";
import { AnnouncementForm, ContentPageForm, WithdrawAnnouncementForm } from "@/components/content/content-forms";
import { Markdown } from "@/components/content/markdown";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/session";
import { staffAnnouncements } from "@/lib/content/announcements";
import { CONTENT_PAGES, CONTENT_SLUGS, getContentPage } from "@/lib/content/pages";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "Content — Reseller Panel" };

export default async function ContentPage() {
  const user = await requireStaff();
  const db = await getDb();
  const announcements = await staffAnnouncements(db, user);
  const pages = user.role === "admin" ? await Promise.all(CONTENT_SLUGS.map(async (slug) => ({ slug, ...(await getContentPage(db, slug)) }))) : [];
  return (
    <>
      <PageHeader title="Content" description="Announcements on the customer dashboard; FAQ, terms and privacy pages (admins)." />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card title="New announcement">
          <AnnouncementForm />
        </Card>
        <Card title="Announcements">
          {announcements.length ? (
            <ul className="space-y-4" data-testid="staff-announcements">
              {announcements.map((a) => (
                <li key={a.id} className="border-b border-slate-100 pb-3 last:border-0">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="font-medium text-slate-900">{a.title}</span>
                    {a.published ? <WithdrawAnnouncementForm id={a.id} title={a.title} /> : <Badge>withdrawn</Badge>}
                  </div>
                  <p className="text-xs text-slate-600">{formatDateTime(a.createdAt)}</p>
                  <Markdown source={a.body} />
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>No announcements yet.</EmptyState>
          )}
        </Card>
        {pages.map((page) => (
          <Card key={page.slug} title={<Link href={`/${page.slug}`} className="hover:underline">{CONTENT_PAGES[page.slug]}</Link>}>
            <ContentPageForm slug={page.slug} label={CONTENT_PAGES[page.slug]} markdown={page.markdown} />
          </Card>
        ))}
      </div>
    </>
  );
}
