// Runs the deploy/nginx templates with a host's nginx: in the foreground, as a child process,
// with its own pid file, logs and temp dirs in a fresh folder (nothing under /var or /etc is
// written, so any user can run it). Used by `npm run serve` (scripts/serve.mjs) and the tests.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_TEMPLATE = path.join(root, 'deploy/nginx/default.conf.template');
const HOST_TEMPLATE = path.join(root, 'deploy/nginx/host-nginx.conf.template');

export const DEFAULTS = {
  CLIENT_MAX_BODY_SIZE: '512m',
  STATIC_ROOT: path.join(root, 'dist'),
  NGINX_CA_CERTIFICATES: '/etc/ssl/certs/ca-certificates.crt',
};

/**
 * Replaces `${NAME}` for each NAME in `values` (as the nginx image's envsubst does for defined
 * variables), leaving nginx's own `$variables` alone. A `${NAME}` without a value is an error.
 */
export function renderTemplate(text, values) {
  return text.replace(/\$\{([A-Z_][A-Z0-9_]*)\}/g, (whole, name) => {
    const value = values[name];
    if (value === undefined) throw new Error(`The nginx template needs ${name}`);
    return String(value);
  });
}

/** The nginx executable: NGINX_BIN when set (only it), else `nginx` on PATH, else Debian's /usr/sbin/nginx; null when none. */
export function findNginx(env = process.env) {
  const candidates = env.NGINX_BIN
    ? [env.NGINX_BIN]
    : [...(env.PATH ?? '').split(path.delimiter).map((dir) => dir && path.join(dir, 'nginx')), '/usr/sbin/nginx'];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/** Checks CEKURA_API_URL: an http(s) origin without path, query or credentials. */
export function checkApiUrl(value) {
  let url;
  try {
    url = new URL(value ?? '');
  } catch {
    throw new Error(`CEKURA_API_URL must be the API's origin, e.g. https://api.cekura.ai (got ${JSON.stringify(value ?? '')})`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    throw new Error(`CEKURA_API_URL must be an http(s) origin without path, e.g. https://api.cekura.ai (got ${value})`);
  }
  return url.origin;
}

/** True when any user may reach and read `staticRoot/index.html` (each folder above it searchable by others). */
function othersCanRead(staticRoot) {
  try {
    if ((fs.statSync(path.join(staticRoot, 'index.html')).mode & 0o004) === 0) return false;
    for (let dir = path.resolve(staticRoot); ; dir = path.dirname(dir)) {
      if ((fs.statSync(dir).mode & 0o001) === 0) return false;
      if (path.dirname(dir) === dir) return true;
    }
  } catch {
    return false;
  }
}

/**
 * A `user …;` line for a root master, else nothing. Its workers run as nobody, unless nobody
 * cannot read the built app (a checkout in a private folder such as a `mktemp -d`): then they
 * stay root, and it says so.
 */
function workerUserLine(staticRoot) {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return '';
  if (!othersCanRead(staticRoot)) {
    process.stderr.write(`nginx: workers run as root: user nobody cannot read ${staticRoot}\n`);
    return 'user root root;';
  }
  const groups = fs.existsSync('/etc/group') ? fs.readFileSync('/etc/group', 'utf8') : '';
  return `user nobody ${/^nogroup:/m.test(groups) ? 'nogroup' : 'nobody'};`;
}

/** Resolves once something accepts connections on 127.0.0.1:port; rejects when `isDead()` or after `timeoutMs`. */
export async function waitForPort(port, { isDead = () => false, timeoutMs = 15_000, name = 'nginx' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (isDead()) throw new Error(`${name} exited before it accepted connections`);
    const open = await new Promise((resolve) => {
      const socket = net.connect({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`Nothing listens on port ${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Renders both templates into a fresh temp folder and starts nginx in the foreground.
 * Resolves once it accepts connections. `stop()` asks for a graceful shutdown (SIGQUIT, then
 * SIGTERM after `graceMs`), waits for the exit and removes the folder.
 */
export async function startNginx(options) {
  const nginx = options.nginxBin ?? findNginx();
  if (!nginx) throw new Error('nginx is not installed (Debian: apt-get install nginx; or set NGINX_BIN)');
  const port = Number(options.port);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a port number (got ${options.port})`);
  const values = {
    ...DEFAULTS,
    ...options.values,
    PORT: String(port),
    CEKURA_API_URL: checkApiUrl(options.apiUrl),
  };
  if (!fs.existsSync(path.join(values.STATIC_ROOT, 'index.html'))) {
    throw new Error(`${values.STATIC_ROOT} has no index.html: run \`npm run build\` first`);
  }

  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cekura-nginx-'));
  fs.chmodSync(runDir, 0o755); // workers of a root master (nobody) create their temp dirs in it
  const serverConf = path.join(runDir, 'default.conf');
  const mainConf = path.join(runDir, 'nginx.conf');
  fs.writeFileSync(serverConf, renderTemplate(fs.readFileSync(SERVER_TEMPLATE, 'utf8'), values));
  fs.writeFileSync(
    mainConf,
    renderTemplate(fs.readFileSync(HOST_TEMPLATE, 'utf8'), {
      RUN_DIR: runDir,
      SERVER_CONF: serverConf,
      WORKER_USER: workerUserLine(values.STATIC_ROOT),
      ACCESS_LOG: options.accessLog ?? 'off',
    }),
  );

  // -e stderr: nginx would otherwise try the packaged error log (/var/log/nginx) before reading the config.
  const args = ['-p', runDir, '-c', mainConf, '-e', 'stderr'];
  const test = spawnSync(nginx, ['-t', '-q', ...args], { encoding: 'utf8' });
  if (test.status !== 0) {
    fs.rmSync(runDir, { recursive: true, force: true });
    throw new Error(`nginx refused the configuration:\n${test.stderr}`);
  }

  const child = spawn(nginx, args, { stdio: ['ignore', options.stdio ?? 'inherit', options.stdio ?? 'inherit'] });
  let exited = null;
  const exit = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
  });
  try {
    await waitForPort(port, { isDead: () => exited !== null });
  } catch (error) {
    if (exited === null) child.kill('SIGKILL');
    await exit;
    fs.rmSync(runDir, { recursive: true, force: true });
    throw error;
  }

  let stopping = null;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    runDir,
    pidFile: path.join(runDir, 'nginx.pid'),
    child,
    exit,
    stop(graceMs = 10_000) {
      stopping ??= (async () => {
        if (exited === null) {
          child.kill('SIGQUIT');
          const timer = setTimeout(() => exited === null && child.kill('SIGTERM'), graceMs);
          await exit;
          clearTimeout(timer);
        }
        fs.rmSync(runDir, { recursive: true, force: true });
        return exited;
      })();
      return stopping;
    },
  };
}
