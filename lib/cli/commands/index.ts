// Every operator command. A static list (not a folder scan) so that the app process can bundle
// them too: it runs commands forwarded by the CLI while it owns the embedded database.
import type { CliCommand } from "../command";
import { adminCreate, customerCreate } from "./account-create";
import apikeyCreate from "./apikey-create";
import catalogSync from "./catalog-sync";
import discountSet from "./discount-set";
import { fundsAdd, fundsDeduct } from "./funds";
import ledgerVerify from "./ledger-verify";
import orderRefund from "./order-refund";
import orderReconcile from "./order-reconcile";
import orderResolve from "./order-resolve";
import priceRuleList from "./price-rule-list";
import priceRuleSet from "./price-rule-set";
import providerAdd from "./provider-add";
import providerCheck from "./provider-check";
import providerList from "./provider-list";
import syncOnce from "./sync-once";
import userList from "./user-list";

export const COMMANDS: CliCommand[] = [
  adminCreate,
  customerCreate,
  userList,
  apikeyCreate,
  providerAdd,
  providerList,
  providerCheck,
  catalogSync,
  priceRuleSet,
  priceRuleList,
  discountSet,
  fundsAdd,
  fundsDeduct,
  ledgerVerify,
  orderResolve,
  orderReconcile,
  orderRefund,
  syncOnce,
];
