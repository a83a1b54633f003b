// Every action of /api/v2, in the order the documentation lists them. The route dispatches
// through this list and the API page renders it: one source for both.
import type { ApiActionDefinition } from "./action-definition";
import { addAction } from "./actions/add";
import { addProductOrderAction } from "./actions/add-product-order";
import { balanceAction } from "./actions/balance";
import { cancelAction } from "./actions/cancel";
import { productOrderStatusAction } from "./actions/product-order-status";
import { productsAction } from "./actions/products";
import { refillAction } from "./actions/refill";
import { refillStatusAction } from "./actions/refill-status";
import { resultProductAction } from "./actions/result-product";
import { servicesAction } from "./actions/services";
import { statusAction } from "./actions/status";

export const API_ACTIONS: readonly ApiActionDefinition[] = [
  servicesAction,
  addAction,
  statusAction,
  refillAction,
  refillStatusAction,
  cancelAction,
  balanceAction,
  productsAction,
  addProductOrderAction,
  productOrderStatusAction,
  resultProductAction,
];

const byName = new Map(API_ACTIONS.map((action) => [action.name, action]));

export function findApiAction(name: string | undefined): ApiActionDefinition | undefined {
  return name === undefined ? undefined : byName.get(name);
}
