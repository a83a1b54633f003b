// Runs in every test worker before the test files: point the data layer at this run's database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.PROVIDER_KEY_SECRET ??= "test-provider-key-secret-0123456789abcdef";
process.env.NEXTAUTH_SECRET ??= "test-nextauth-secret-0123456789abcdef0123";
process.env.UPSTREAM_ALLOW_PRIVATE ??= "1";
