// One of the admin-edited pages (FAQ, terms, privacy) as everyone sees it.
import { Markdown } from "@/components/content/markdown";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { CONTENT_PAGES, getContentPage, type ContentSlug } from "@/lib/content/pages";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/time/format";

export async function ContentPageView({ slug }: { slug: ContentSlug }) {
  const page = await getContentPage(await getDb(), slug);
  return (
    <>
      <PageHeader title={CONTENT_PAGES[slug]} description={page.updatedAt ? `Updated ${formatDateTime(page.updatedAt)}` : undefined} />
      {page.markdown.trim() ? <Markdown source={page.markdown} /> : <EmptyState>Nothing here yet.</EmptyState>}
    </>
  );
}
