/**
 * The SES v2 emulator (aws-ses-v2-local), with its inbox kept on disk when given a file: operators
 * check what was sent (reminders, the report to UBND tỉnh) on its page, and the emulator itself
 * keeps emails in memory only, so a restart of `npm start` lost them. Every email saved is appended
 * to the file as one JSON line before the emulator answers; on start the file is read back. Run as
 * a child process by emulators.ts: `--host 127.0.0.1 --port N [--inbox <file>]`.
 * flow: emulators.ts --> this process --> aws-ses-v2-local (+ inbox file)
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Email } from 'aws-ses-v2-local/dist/store.js';

const require = createRequire(import.meta.url);

interface EmulatorStore {
  saveEmail: (email: Email) => void;
  clearStore: () => void;
  getStoreReadonly: () => { emails: Email[] };
}

const { values } = parseArgs({ options: { host: { type: 'string' }, port: { type: 'string' }, inbox: { type: 'string' } } });
if (!values.host || !values.port) throw new Error('usage: ses-emulator --host <address> --port <n> [--inbox <file>]');

// The emulator's handlers call saveEmail/clearStore through this module's exports, looked up at each call.
const store = require('aws-ses-v2-local/dist/store.js') as EmulatorStore;
if (typeof store.saveEmail !== 'function' || typeof store.clearStore !== 'function') {
  throw new Error('aws-ses-v2-local changed: dist/store.js no longer exports saveEmail and clearStore');
}

const inbox = values.inbox;
if (inbox) {
  mkdirSync(path.dirname(inbox), { recursive: true });
  if (existsSync(inbox)) {
    const kept = readFileSync(inbox, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    for (const line of kept) store.getStoreReadonly().emails.push(JSON.parse(line) as Email);
  }
  const save = store.saveEmail;
  store.saveEmail = (email) => {
    appendFileSync(inbox, `${JSON.stringify(email)}\n`);
    save(email);
  };
  const clear = store.clearStore;
  store.clearStore = () => {
    writeFileSync(inbox, '');
    clear();
  };
}

const start = (require('aws-ses-v2-local') as { default: (config: { host: string; port: number }) => Promise<unknown> }).default;
await start({ host: values.host, port: Number(values.port) });
console.log(`aws-ses-v2-local: listening on ${values.host}:${values.port}${inbox ? `, inbox ${inbox}` : ''}`);
