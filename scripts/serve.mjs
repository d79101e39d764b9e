// `npm run serve`: the built app (dist/) behind the host's nginx, with the same server block as
// the Docker image (deploy/nginx/default.conf.template), in the foreground until SIGTERM/SIGINT.
//   PORT=8080 CEKURA_API_URL=https://api.cekura.ai npm run serve
// Optional: CLIENT_MAX_BODY_SIZE (512m), STATIC_ROOT (dist/), NGINX_CA_CERTIFICATES (Debian's
// bundle), NGINX_BIN (the nginx to run), ACCESS_LOG (an access_log target such as a file path; default off).
import { DEFAULTS, startNginx } from './nginx-host.mjs';

const env = process.env;
let nginx;
try {
  nginx = await startNginx({
    port: Number(env.PORT ?? 8080),
    apiUrl: env.CEKURA_API_URL,
    values: Object.fromEntries(Object.keys(DEFAULTS).flatMap((name) => (env[name] ? [[name, env[name]]] : []))),
    accessLog: env.ACCESS_LOG ?? 'off',
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
console.log(`Serving the dashboard on http://localhost:${nginx.port} (API: ${new URL(env.CEKURA_API_URL).origin}); stop with Ctrl+C`);
console.log(`nginx ${nginx.child.pid}: configuration and run files in ${nginx.runDir}`);

let signalled = false;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    if (signalled) return;
    signalled = true;
    void nginx.stop().then(() => process.exit(0));
  });
}
// nginx stopping on its own (or killed) ends this process with its status.
void nginx.exit.then(({ code, signal }) => {
  if (signalled) return;
  console.error(`nginx exited (${signal ?? `code ${code}`})`);
  void nginx.stop().then(() => process.exit(code === 0 ? 0 : 1));
});
