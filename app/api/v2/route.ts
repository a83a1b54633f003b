// The reseller API (SMM panel API v2). All of it lives in lib/api-v2; see the API page for docs.
import { createApiHandler, methodNotAllowed } from "@/lib/api-v2/handle-request";

export const dynamic = "force-dynamic";

export const POST = createApiHandler();

export function GET(request: Request): Response {
  return methodNotAllowed(request);
}
