// The protocol's refusal texts (PROTOCOL.md), and how a handler says "no": throw ApiRefusal and
// the request answers HTTP 200 `{"error": text}`, as panels of this kind do.
export const API_ERRORS = {
  invalidKey: "Invalid API key",
  incorrectRequest: "Incorrect request",
  incorrectService: "Incorrect service ID",
  incorrectProduct: "Incorrect product ID",
  incorrectOrder: "Incorrect order ID",
  refillNotFound: "Refill not found",
  noFunds: "Not enough funds on balance",
  tooManyRequests: "Too many requests",
  internal: "Internal error, try again later",
  bodyTooLarge: "Request body too large",
} as const;

export class ApiRefusal extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

/** "Incorrect request" with the reason, so that a person reading it knows what to fix. */
export function incorrectRequest(reason?: string): ApiRefusal {
  return new ApiRefusal(reason ? `${API_ERRORS.incorrectRequest}: ${reason}` : API_ERRORS.incorrectRequest);
}

export const quantityBelowMin = (min: number | string) => `Quantity less than minimal ${min}`;
export const quantityAboveMax = (max: number | string) => `Quantity more than maximum ${max}`;
