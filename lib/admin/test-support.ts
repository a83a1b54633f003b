// Fixtures for the lib/admin integration tests: accounts of each role and a provider pointing at
// an in-process simulator. Only tests import this file.
import crypto from "node:crypto";
import type { Db } from "@/lib/db/connection";
import { addProvider } from "@/lib/providers/manage-providers";
import type { SimulatorHandle } from "@/lib/upstream/simulator";
import type { StaffActor } from "./authorize";

export const unique = (label: string) => `${label}-${Date.now().toString(36)}-${crypto.randomBytes(3).toString("hex")}`;

export async function makeUser(db: Db, role: StaffActor["role"]): Promise<StaffActor & { email: string }> {
  const email = `${unique(role)}@admin-test.local`;
  const user = await db.user.create({ data: { email, passwordHash: "x", role }, select: { id: true, role: true, email: true } });
  return user;
}

export async function makeActors(db: Db) {
  const [admin, staff, customer] = await Promise.all([makeUser(db, "admin"), makeUser(db, "staff"), makeUser(db, "customer")]);
  return { admin, staff, customer };
}

export async function addSimulatorProvider(db: Db, sim: SimulatorHandle, name = unique("sim")): Promise<number> {
  const added = await addProvider(db, { name, url: sim.url, key: sim.apiKey, timeoutMs: 2000 });
  if (!added.ok) throw new Error(`provider not added: ${JSON.stringify(added.fieldErrors)}`);
  return added.provider.id;
}
