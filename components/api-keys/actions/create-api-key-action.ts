"use server";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action-client";
import { createApiKey, ZCreateApiKeyInput } from "@/lib/api-keys";
import { getDb } from "@/lib/db/client";
import { fieldMessages } from "@/lib/result";

export const createApiKeyAction = userAction(ZCreateApiKeyInput, async (input, user) => {
  const result = await createApiKey(await getDb(), user.id, input.name);
  // A problem with the name is shown beside the field; anything else above the form.
  if (!result.ok) return result.fields ? { fieldErrors: fieldMessages(result) } : { error: result.message };
  revalidatePath("/api-keys");
  // The key travels back in this one answer only; the database keeps its hash.
  return { ok: true, message: `Key "${result.apiKey.name}" created.`, data: { key: result.key } };
});
