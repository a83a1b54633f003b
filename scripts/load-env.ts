// Scripts (CLI, worker, migrations, demo) read ./.env like Next.js does for the app.
// Variables already set in the environment win.
import fs from "node:fs";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
