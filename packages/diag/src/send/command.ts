import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { sendBundle } from './send-bundle.ts';

export function registerSend(program: Command): void {
  program
    .command('send')
    .description('Send a bundle to a support request, over https only, after showing what will leave and asking you')
    .argument('<bundle>', 'bundle file (.tar.gz)')
    .requiredOption('--request <id>', 'the support request it is for')
    .requiredOption('--token <token>', 'the upload token from the support request page')
    .requiredOption('--server <url>', 'the support site, https://…')
    .option('--yes', 'consent to sending without being asked')
    .action(async (bundle: string, options: { request: string; token: string; server: string; yes?: boolean }) => {
      const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
      await sendBundle(
        { bundle: resolve(bundle), request: options.request, token: options.token, server: options.server, yes: options.yes === true },
        {
          write: (text) => process.stdout.write(text),
          interactive,
          ask: async (question) => {
            const prompt = createInterface({ input: process.stdin, output: process.stdout });
            try {
              return await prompt.question(question);
            } finally {
              prompt.close();
            }
          },
        },
      );
    });
}
