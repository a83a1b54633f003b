// The name an order shows: what was bought (Order.itemName, recorded by the database when the
// order was placed), not what its service or product is called today.
type Named = { name: string } | null | undefined;

export function boughtName(order: { itemName: string | null; service?: Named; product?: Named }, fallback = "—"): string {
  return order.itemName ?? order.service?.name ?? order.product?.name ?? fallback;
}
