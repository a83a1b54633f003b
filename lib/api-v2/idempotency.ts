// The protocol has no idempotency key, so a lost `add` answer leaves a client unsure whether the
// order exists. As an extension, `add` and `add_product_order` take an optional
// `idempotency_key` field or `Idempotency-Key` header and hand it to lib/orders, which keeps
// keys per customer: the same key and fields return the first order, other fields are refused.
import type { ApiContext } from "./action-definition";
import { incorrectRequest } from "./errors";
import type { ApiParams } from "./params";

export function idempotencyKeyOf(context: ApiContext, params: ApiParams): string | undefined {
  const fromField = params.text("idempotency_key");
  const fromHeader = context.idempotencyKeyHeader?.trim() || undefined;
  if (fromField && fromHeader && fromField !== fromHeader) {
    throw incorrectRequest("idempotency_key and the Idempotency-Key header differ");
  }
  return fromField ?? fromHeader;
}
