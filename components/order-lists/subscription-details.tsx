// What a subscription order says beside its row: whose posts, how much per post, how many posts,
// what was delivered so far, and until when it runs.
import type { SubscriptionOrder } from "@/lib/storefront/order-lists";

export function SubscriptionDetails({ order }: { order: SubscriptionOrder }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm sm:grid-cols-[auto_1fr_auto_1fr]" data-testid="subscription-details">
      <dt className="text-slate-600">Account</dt>
      <dd className="min-w-0 truncate">{order.username}</dd>
      <dt className="text-slate-600">Per new post</dt>
      <dd className="tabular-nums">{order.minPerPost}–{order.maxPerPost}</dd>
      <dt className="text-slate-600">Posts</dt>
      <dd className="tabular-nums">
        {order.posts} new{order.oldPosts ? ` + ${order.oldPosts} old` : ""} · delay {order.delay} min
      </dd>
      <dt className="text-slate-600">Delivered</dt>
      <dd className="tabular-nums" data-testid="subscription-delivered">
        {order.delivered} of at most {order.quantity}
      </dd>
      <dt className="text-slate-600">Expiry</dt>
      <dd data-testid="subscription-expiry">
        {order.expiry || "—"}
        {order.expired ? <span className="ml-1 text-xs text-slate-600">(passed)</span> : null}
      </dd>
    </dl>
  );
}
