// The PDF renderer reaches past pdfkit's documented API (doc._font, EmbeddedFont.encode,
// page.fonts, addContent — typed by hand in templates/pdf/pdfkit.d.ts for these versions) and
// measures with fontkit and breaks lines with linebreak as pdfkit does. A different version
// may change any of them without notice, so each is pinned exactly and this test fails on any
// other version installed: re-read pdfkit.d.ts and run the pixel test before moving a pin.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const PINNED = { pdfkit: '0.19.1', linebreak: '1.1.0', fontkit: '2.0.4' } as const;

const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};
const require = createRequire(import.meta.url);

/** The package folder a module name resolves to from `from` (exports maps hide package.json). */
function packageDir(name: string, from = require): string {
  const entry = from.resolve(name);
  const marker = `${sep}node_modules${sep}${name}${sep}`;
  const at = entry.lastIndexOf(marker);
  if (at < 0) throw new Error(`${name} resolved outside node_modules: ${entry}`);
  return entry.slice(0, at + marker.length);
}

function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;
}

describe('renderer dependencies are pinned to the versions the renderer was written for', () => {
  for (const [name, version] of Object.entries(PINNED)) {
    it(`${name} is declared as exactly ${version}`, () => {
      expect(manifest.dependencies[name], `package.json must pin ${name} without a range`).toBe(version);
    });
    it(`${name} ${version} is the one installed`, () => {
      expect(installedVersion(name)).toBe(version);
    });
  }

  it('pdfkit resolves the fontkit and linebreak the renderer measures with (one copy of each)', () => {
    const fromPdfkit = createRequire(require.resolve('pdfkit'));
    for (const name of ['fontkit', 'linebreak']) {
      expect(packageDir(name, fromPdfkit)).toBe(packageDir(name));
    }
  });
});
