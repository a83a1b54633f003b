import { z } from "zod";

export const ZApiKeyName = z
  .string({ error: "Give the key a name." })
  .trim()
  .min(1, "Give the key a name.")
  .max(100, "Use at most 100 characters.")
  // Names are shown in tables and logs; control characters only hide things there.
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), "Use letters, digits and punctuation only.");

export const ZCreateApiKeyInput = z.object({ name: ZApiKeyName });
export type CreateApiKeyInput = z.input<typeof ZCreateApiKeyInput>;

export const ZRevokeApiKeyInput = z.object({ keyId: z.coerce.number().int().positive().max(2_147_483_647) });
export type RevokeApiKeyInput = z.input<typeof ZRevokeApiKeyInput>;
