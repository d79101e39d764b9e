import fs from 'node:fs';
import { chromium } from '@playwright/test';

export const DEMO_KEY = process.env.CEKURA_DEMO_API_KEY ?? 'cekura-demo-key';

export async function waitForServer(base, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const res = await fetch(`${base}/__emulator/reset`, { method: 'POST' });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`No server at ${base}`);
}

export function launchBrowser() {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launch({
    executablePath: fs.existsSync(executablePath) ? executablePath : undefined,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function signIn(page) {
  await page.getByLabel('API key').fill(DEMO_KEY);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export async function agentIdByName(base, q) {
  const res = await fetch(`${base}/test_framework/v2/aiagents/?q=${encodeURIComponent(q)}`, { headers: { 'X-CEKURA-API-KEY': DEMO_KEY } });
  const body = await res.json();
  const agent = body.results[0];
  if (!agent) throw new Error(`No agent matches ${q}`);
  return agent;
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
