import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const gzipKb = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024;
const round = (n) => Math.round(n * 10) / 10;

/**
 * The JavaScript a first visit to /agents downloads: the entry script and its modulepreloads in
 * dist/index.html (the list page is in the entry; the editor must not be), and the stylesheets it links.
 */
export function measureBundle(dist) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
  const initialFiles = [...new Set(refs)].map((ref) => path.join(dist, ref.replace(/^\//, '')));
  const cssRefs = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*\shref="([^"]+\.css)"/g)].map((m) => m[1]);
  const cssFiles = [...new Set(cssRefs)].map((ref) => path.join(dist, ref.replace(/^\//, '')));
  const all = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => path.join(dist, 'assets', f));
  const editor = all.filter((f) => /agent-editor/.test(path.basename(f)));
  return {
    initialFiles: initialFiles.map((f) => path.relative(dist, f)),
    initialKb: round(initialFiles.reduce((sum, f) => sum + gzipKb(f), 0)),
    initialCssFiles: cssFiles.map((f) => path.relative(dist, f)),
    initialCssKb: round(cssFiles.reduce((sum, f) => sum + gzipKb(f), 0)),
    editorFiles: editor.map((f) => path.relative(dist, f)),
    editorKb: round(editor.reduce((sum, f) => sum + gzipKb(f), 0)),
    editorInInitial: editor.length === 0 || editor.some((f) => initialFiles.includes(f)),
    allChunksKb: round(all.reduce((sum, f) => sum + gzipKb(f), 0)),
  };
}
