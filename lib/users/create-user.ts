import type { Db } from "@/lib/db/connection";
import { hashPassword } from "@/lib/auth/password";
import { Prisma } from "@/lib/db/generated/client";
import { fieldRefusal, type Failure } from "@/lib/result";
import type { SignUpInput } from "./schemas";

export const EMAIL_TAKEN = "An account with this email already exists.";

export type Role = "customer" | "staff" | "admin";
export type CreateUserResult = { ok: true; user: { id: number; email: string; role: Role } } | Failure;

/**
 * Creates an account from input parsed by ZSignUpInput. A taken email is refused with the code
 * `email_taken`, beside the field; nothing is created on any error. The email counts as verified
 * unless `emailVerified: false` (public sign-up): staff, the CLI and the demo seed vouch for it.
 */
export async function createUser(
  db: Db,
  input: Omit<SignUpInput, "name"> & { name?: string },
  role: Role = "customer",
  { emailVerified = true, signUp }: { emailVerified?: boolean; signUp?: { device: string | null; ip: string | null } } = {},
): Promise<CreateUserResult> {
  const { email, password, name } = input;
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.user.create({
      data: { email, passwordHash, role, name: name || null, emailVerifiedAt: emailVerified ? new Date() : null, signUpDevice: signUp?.device ?? null, signUpIp: signUp?.ip ?? null },
      select: { id: true, email: true, role: true },
    });
    return { ok: true, user };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return fieldRefusal("email_taken", "email", EMAIL_TAKEN);
    }
    throw error;
  }
}
