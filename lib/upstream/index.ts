export * from "./add-order-input";
export * from "./batch-answers";
export * from "./client";
export * from "./response";
export * from "./schemas";
export * from "./statuses";
export { buildFormBody, parseRetryAfter, scrubSecret, type FormFields } from "./transport";
export * from "./types";
