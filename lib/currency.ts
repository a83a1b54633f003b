import { config } from "./config";

/** The panel's own currency: every balance, price and ledger amount is in it. */
export const PANEL_CURRENCY = config().PANEL_CURRENCY;
