// The newest staff announcements on the customer dashboard; nothing at all when there are none.
import { Markdown } from "@/components/content/markdown";
import { dashboardAnnouncements } from "@/lib/content/announcements";
import { getDb } from "@/lib/db/client";
import { Time } from "@/components/ui/time";

export async function DashboardAnnouncements() {
  const announcements = await dashboardAnnouncements(await getDb());
  if (announcements.length === 0) return null;
  return (
    <section aria-label="Announcements" className="mb-6 space-y-3" data-testid="announcements">
      {announcements.map((a) => (
        <article key={a.id} className="rounded-lg border border-indigo-200 bg-indigo-50 p-4">
          <h2 className="font-semibold text-slate-900">{a.title}</h2>
          <p className="text-xs text-slate-600"><Time value={a.createdAt} relative /></p>
          <Markdown source={a.body} />
        </article>
      ))}
    </section>
  );
}
