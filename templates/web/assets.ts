/**
 * The browser assets GET /static/{file} may serve: an allow-list of file names with their
 * content types, so no request can reach any other file (no path traversal by construction).
 * flow: static handler, page layout --> assets
 */
export const ASSETS: Readonly<Record<string, string>> = {
  'app.css': 'text/css; charset=utf-8',
  'common.js': 'text/javascript; charset=utf-8',
  'dom.js': 'text/javascript; charset=utf-8',
  'form.js': 'text/javascript; charset=utf-8',
  'form-rules.js': 'text/javascript; charset=utf-8',
  'form-render.js': 'text/javascript; charset=utf-8',
  'form-errors.js': 'text/javascript; charset=utf-8',
  'form-store.js': 'text/javascript; charset=utf-8',
  'signin.js': 'text/javascript; charset=utf-8',
  'reports.js': 'text/javascript; charset=utf-8',
};

export type AssetName = keyof typeof ASSETS;

export function isAsset(name: string): boolean {
  return Object.hasOwn(ASSETS, name);
}
