// Order placement from the web forms: per account and per IP, shared across app processes
// (/api/v2 has its own limits in lib/api-v2/rate-limit.ts). A mass order takes one count per line,
// all or nothing: a submission over the limit places none of its lines. Answers null, or the message to show.
import { panelLimits, tooManyMessage } from "./policies";

export async function webOrderRefusal(userId: number, ip: string, orders = 1): Promise<string | null> {
  const limits = await panelLimits();
  const [account, address] = await Promise.all([limits.webOrdersPerAccount.take(`user:${userId}`, orders), limits.webOrdersPerIp.take(ip, orders)]);
  const refused = [account, address].find((t) => !t.allowed);
  return refused && !refused.allowed ? tooManyMessage(refused.retryAfterSeconds, "orders in a short time") : null;
}
