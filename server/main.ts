// Entry point: `npm start`. Reads the environment, starts the server, prints where to go.
import { QuestionSetError } from '../shared/question-set.ts';
import { lanAddress } from './app.ts';
import { readConfig } from './config.ts';
import { QuestionSetsError } from './question-sets.ts';
import { startServer } from './server.ts';

async function main(): Promise<void> {
  const config = readConfig();
  const server = await startServer(config);
  const lines = [`Rådslag is running.`, `  Open:        ${server.url}/`];
  const lan = config.host === '0.0.0.0' || config.host === '::' ? lanAddress() : undefined;
  if (lan) lines.push(`  On the LAN:  http://${lan}:${server.port}/   (phones join here)`);
  else lines.push(`  Phones on the LAN can't reach this address: start with HOST=0.0.0.0 to run a workshop.`);
  lines.push(`  Data:        ${config.dataDir}`);
  console.log(lines.join('\n'));

  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof QuestionSetError || error instanceof QuestionSetsError) console.error(`Rådslag could not start: ${error.message}`);
  else console.error('Rådslag could not start:', error);
  process.exit(1);
});
