import { createTestDatabase } from "@/scripts/test/test-database";
const db = await createTestDatabase("panel_smoke");
console.log(db.url);
