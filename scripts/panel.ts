// npm run panel -- <command>: the operator CLI. Commands live in lib/cli/commands/.
// On the embedded database while the panel runs, the command is run by the panel itself.
import "./load-env";
import { forwardToRunningApp } from "@/lib/cli/control-channel";
import { runCli } from "@/lib/cli/main";
import { resolveDatabaseTarget } from "@/lib/db/target";

const argv = process.argv.slice(2);
const target = resolveDatabaseTarget();
const forwarded = target.kind === "pglite" ? await forwardToRunningApp(target.dir, argv) : null;
process.exitCode = forwarded ?? (await runCli(argv));
