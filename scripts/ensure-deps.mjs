// Runs `npm ci` when node_modules is missing or older than package-lock.json, so that a fresh
// clone needs only `npm start` / `npm test`. Plain JavaScript: it runs before anything is installed.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  console.error('Cài đặt thư viện (npm ci)… / installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
