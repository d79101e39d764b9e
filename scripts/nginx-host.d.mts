import type { ChildProcess } from 'node:child_process';

export const SERVER_TEMPLATE: string;
export const DEFAULTS: { CLIENT_MAX_BODY_SIZE: string; STATIC_ROOT: string; NGINX_CA_CERTIFICATES: string };
export function renderTemplate(text: string, values: Record<string, string | undefined>): string;
export function findNginx(env?: NodeJS.ProcessEnv): string | null;
export function checkApiUrl(value: string | undefined): string;
export function waitForPort(port: number, options?: { isDead?: () => boolean; timeoutMs?: number; name?: string }): Promise<void>;
export function freePort(): Promise<number>;

export interface NginxExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningNginx {
  port: number;
  /** http://127.0.0.1:port */
  url: string;
  /** The folder holding the rendered configs, the pid file and the temp dirs (removed by stop). */
  runDir: string;
  pidFile: string;
  child: ChildProcess;
  exit: Promise<NginxExit>;
  /** Graceful shutdown (SIGQUIT, then SIGTERM after graceMs); removes runDir. */
  stop(graceMs?: number): Promise<NginxExit | null>;
}

export function startNginx(options: {
  port: number;
  apiUrl: string;
  /** Overrides of CLIENT_MAX_BODY_SIZE, STATIC_ROOT, NGINX_CA_CERTIFICATES. */
  values?: Partial<Record<'CLIENT_MAX_BODY_SIZE' | 'STATIC_ROOT' | 'NGINX_CA_CERTIFICATES', string>>;
  nginxBin?: string;
  /** An access_log argument, e.g. /dev/stdout; default off. */
  accessLog?: string;
  /** What to do with nginx's stdout and stderr; default inherit. */
  stdio?: 'inherit' | 'ignore' | 'pipe';
}): Promise<RunningNginx>;
