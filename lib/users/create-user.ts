import type { Db } from "@/lib/db/connection";
import { hashPassword } from "@/lib/auth/password";
import { Prisma } from "@/lib/db/generated/client";
import { ZSignUpInput } from "./schemas";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

export const EMAIL_TAKEN = "An account with this email already exists.";

export type Role = "customer" | "staff" | "admin";
export type CreateUserResult =
  | { ok: true; user: { id: number; email: string; role: Role } }
  | { ok: false; fieldErrors: Partial<Record<"email" | "password" | "name", string>> };

/** Creates an account. A taken email is reported on the field; nothing is created on any error. */
export async function createUser(db: Db, input: unknown, role: Role = "customer"): Promise<CreateUserResult> {
  const parsed = ZSignUpInput.safeParse(input);
  if (!parsed.success) {
    return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  }
  const { email, password, name } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.user.create({
      data: { email, passwordHash, role, name: name || null },
      select: { id: true, email: true, role: true },
    });
    return { ok: true, user };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, fieldErrors: { email: EMAIL_TAKEN } };
    }
    throw error;
  }
}
