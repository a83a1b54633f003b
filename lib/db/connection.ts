// The Prisma client, created lazily on first use (never at import: `next build` imports server
// modules) and kept once per process on globalThis (Next's dev server reloads modules).
import { PrismaClient } from "./generated/client";
import { openAdapter } from "./adapter";
import { resolveDatabaseTarget } from "./target";

// Secrets never leave the data layer by accident: select them explicitly where needed.
export const globalOmit = {
  user: { passwordHash: true, totpSecretEncrypted: true },
  apiKey: { hash: true },
  accountToken: { tokenHash: true },
  recoveryCode: { codeHash: true },
  provider: { apiKeyEncrypted: true },
} as const;

function makeClient(adapter: Awaited<ReturnType<typeof openAdapter>>["factory"]) {
  return new PrismaClient({ adapter, omit: globalOmit });
}
export type Db = ReturnType<typeof makeClient>;

type Holder = { db?: Promise<{ client: Db; close: () => Promise<void> }> };
const holder = globalThis as unknown as { __panelDb?: Holder };
const state: Holder = (holder.__panelDb ??= {});

export function getDb(): Promise<Db> {
  state.db ??= (async () => {
    const opened = await openAdapter(resolveDatabaseTarget());
    const client = makeClient(opened.factory);
    return {
      client,
      close: async () => {
        await client.$disconnect();
        await opened.close();
      },
    };
  })();
  return state.db.then((d) => d.client);
}

export async function closeDb(): Promise<void> {
  const current = state.db;
  state.db = undefined;
  if (!current) return;
  // A client that never opened (e.g. the embedded database was locked) has nothing to close.
  const opened = await current.catch(() => null);
  if (opened) await opened.close();
}
