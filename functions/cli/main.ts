/**
 * The operators' command line: `npm run cli -- <command>`. Each command calls the same use cases
 * the handlers and jobs call.
 * flow: operator --> CLI --> use cases --> adapters
 */
import { Command } from 'commander';
import { registerAgencyCommands } from './commands/agency.ts';
import { registerIssueCommands } from './commands/issue.ts';
import { registerPlanCommands } from './commands/plan.ts';
import { registerSubmissionCommands } from './commands/submissions.ts';
import { registerTokenCommand } from './commands/token.ts';
import { registerRunJobCommand } from './commands/run-job.ts';
import { registerUserCommands } from './commands/user.ts';
import { chooseAgency } from './environment.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const program = new Command()
  .name('npm run cli --')
  .description('baocao — công cụ cho người vận hành (operators’ commands). Local data: DATA_DIR (default .data/).')
  .option('--agency <id>', 'mã cơ quan mà lệnh tác động (bắt buộc khi hệ thống có từ hai cơ quan) — the agency the command acts on')
  .showHelpAfterError()
  .configureHelp({ sortSubcommands: true })
  .hook('preAction', (_program, command) => chooseAgency(command.optsWithGlobals<{ agency?: string }>().agency));

registerAgencyCommands(program);
registerPlanCommands(program);
registerSubmissionCommands(program);
registerTokenCommand(program);
registerRunJobCommand(program);
registerIssueCommands(program);
registerUserCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`Lỗi: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
