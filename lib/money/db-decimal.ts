import { Decimal } from "./decimal";

/**
 * Prisma hands numeric columns back as its own decimal type; going through toFixed() (never
 * toString(), which may use exponent notation, nor Number) keeps every digit.
 */
export function fromDb(value: { toFixed(): string }): Decimal {
  return new Decimal(value.toFixed());
}
