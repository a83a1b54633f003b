// The FAQ, terms and privacy pages: Markdown that admins edit (the one writer, with an audit row),
// shown to everyone through the safe renderer (components/content/markdown.tsx: no raw HTML).
import type { StaffActor } from "@/lib/admin/authorize";
import { adminRefusal } from "@/lib/admin/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/connection";
import { moneyTransaction } from "@/lib/ledger/transaction";
import type { Failure } from "@/lib/result";
import { z } from "zod";

export const CONTENT_PAGES = { faq: "FAQ", terms: "Terms of service", privacy: "Privacy policy" } as const;
export type ContentSlug = keyof typeof CONTENT_PAGES;
export const CONTENT_SLUGS = Object.keys(CONTENT_PAGES) as ContentSlug[];
export const MAX_MARKDOWN = 100_000;

export const ZContentPageInput = z.object({
  slug: z.enum(CONTENT_SLUGS as [ContentSlug, ...ContentSlug[]]),
  markdown: z.string().max(MAX_MARKDOWN, `At most ${MAX_MARKDOWN} characters.`),
});

export async function getContentPage(db: Db, slug: ContentSlug): Promise<{ markdown: string; updatedAt: Date | null }> {
  const page = await db.contentPage.findUnique({ where: { slug }, select: { markdown: true, updatedAt: true } });
  return page ?? { markdown: "", updatedAt: null };
}

export async function saveContentPage(db: Db, actor: StaffActor, input: z.output<typeof ZContentPageInput>): Promise<{ ok: true } | Failure> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  await moneyTransaction(db, async (tx) => {
    const before = await tx.contentPage.findUnique({ where: { slug: input.slug }, select: { markdown: true } });
    await tx.contentPage.upsert({
      where: { slug: input.slug },
      create: { slug: input.slug, markdown: input.markdown, updatedById: actor.id },
      update: { markdown: input.markdown, updatedById: actor.id },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "content.page_save",
      entityType: "content_page",
      entityId: input.slug,
      before: before ? { length: before.markdown.length } : null,
      after: { length: input.markdown.length },
    });
  });
  return { ok: true };
}
