export { placeOrder } from "./place-order";
export { placeProductOrder } from "./place-product-order";
export type { PlaceOrderResult } from "./placement-result";
export { resolveUnknownOrder, type UnknownOrderResolution, type ResolveResult } from "./resolve-unknown-order";
export { requestCancel, type RequestCancelResult } from "./request-cancel";
export { listOrders, getOrder, getOrders, getProductResults, type OrderPage, type ProductResults } from "./list-orders";
export { settleOrderStatus, type ObservedStatus, type SettleOutcome } from "./settle-order-status";
export { submitOrder, recordSubmitOutcome, type SubmitOutcome } from "./submit-order";
export type { CustomerOrder } from "./customer-order";
export {
  ZPlaceOrderInput, ZPlaceProductOrderInput, ZListOrdersInput,
  type PlaceOrderInput, type PlaceProductOrderInput, type ListOrdersInput,
} from "./schemas";
