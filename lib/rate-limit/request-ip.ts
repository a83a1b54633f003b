// The current request's client address, for server actions (see client-ip.ts for the rule).
import "server-only";
import { headers } from "next/headers";
import { clientIp } from "./client-ip";

export async function requestIp(): Promise<string> {
  return clientIp(await headers());
}
