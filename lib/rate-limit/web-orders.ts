// Order placement from the web forms: per account and per IP, shared across app processes
// (/api/v2 has its own limits in lib/api-v2/rate-limit.ts). Answers null, or the message to show.
import { panelLimits, tooManyMessage } from "./policies";

export async function webOrderRefusal(userId: number, ip: string): Promise<string | null> {
  const limits = await panelLimits();
  const [account, address] = await Promise.all([limits.webOrdersPerAccount.take(`user:${userId}`), limits.webOrdersPerIp.take(ip)]);
  const refused = [account, address].find((t) => !t.allowed);
  return refused && !refused.allowed ? tooManyMessage(refused.retryAfterSeconds, "orders in a short time") : null;
}
