"use server";
import { revalidatePath } from "next/cache";
import { adminAction, refusalState, staffAction } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { postAnnouncement, withdrawAnnouncement, ZAnnouncementIdInput, ZAnnouncementInput } from "@/lib/content/announcements";
import { saveContentPage, ZContentPageInput } from "@/lib/content/pages";

export const saveContentPageAction = adminAction(ZContentPageInput, async (input, user) => {
  const result = await saveContentPage(await getDb(), user, input);
  if (!result.ok) return refusalState(result);
  revalidatePath(`/${input.slug}`);
  revalidatePath("/admin/content");
  return { ok: true, message: "Page saved." };
});

export const postAnnouncementAction = staffAction(ZAnnouncementInput, async (input, user) => {
  await postAnnouncement(await getDb(), user, input);
  revalidatePath("/admin/content");
  revalidatePath("/dashboard");
  return { ok: true, message: "Announcement published on the dashboard." };
});

export const withdrawAnnouncementAction = staffAction(ZAnnouncementIdInput, async (input, user) => {
  const result = await withdrawAnnouncement(await getDb(), user, input.id);
  if (!result.ok) return refusalState(result);
  revalidatePath("/admin/content");
  revalidatePath("/dashboard");
  return { ok: true, message: "Announcement withdrawn." };
});
