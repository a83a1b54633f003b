// npm run panel -- <command>: the operator CLI. Commands live in lib/cli/commands/.
import { runCli } from "@/lib/cli/main";

process.exitCode = await runCli(process.argv.slice(2));
