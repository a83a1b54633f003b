// Zod failures as the forms show them: one message beside each field (client-safe).
import type { z } from "zod";

/** First message per field, keyed by the field's name. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  return fieldErrors;
}
