// Configuration comes from the environment only; see README "Configuration".
import path from 'node:path';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  questionsDir: string;
  clientDir: string;
  /** Base URL put in join links and QR codes when the server sits behind a proxy or a DNS name. */
  publicUrl?: string;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const port = env.PORT === undefined ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(cwd, env.DATA_DIR || 'data'),
    questionsDir: path.resolve(cwd, env.QUESTIONS_DIR || 'questions'),
    clientDir: path.resolve(cwd, env.CLIENT_DIR || 'dist/client'),
    ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL.replace(/\/+$/, '') } : {}),
  };
}
