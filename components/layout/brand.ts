// The owner's panel name for the page being rendered: read once per request (the header, the
// title and the sign-in frame all ask), through the one lib function emails use too.
import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { getBrandName } from "@/lib/branding/brand-name";

export const brandNameForRequest = cache(async (): Promise<string> => getBrandName(await getDb()));
