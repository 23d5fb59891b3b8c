import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { runDemo } from '../demo/run-demo.ts';
import { startServe, waitForShutdownSignal } from './serve.ts';

export function registerDemoCommand(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('serve the bundled example news site on loopback, crawl it into the store, print what was found, exit')
    .action(async () => {
      await runDemo(ctx);
    });

  program
    .command('start')
    .description('the demo, then the web explorer over its graph until Ctrl-C (what `pnpm start` runs)')
    .action(async () => {
      const demo = await runDemo(ctx, { keepSiteOpen: true });
      println();
      let server;
      try {
        server = await startServe(ctx);
      } catch (error) {
        // The default port may be taken by another program; any free port will do for the demo.
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
        server = await startServe(ctx, { port: 0 });
      }
      ctx.stdout.write('Press Ctrl-C to stop.\n');
      await waitForShutdownSignal();
      await server.close();
      await demo.site?.close();
    });

  function println() {
    ctx.stdout.write('\n');
  }
}
