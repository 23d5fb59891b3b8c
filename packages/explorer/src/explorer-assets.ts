import { fileURLToPath } from 'node:url';

/**
 * Where the explorer's browser files live. The page is plain ES modules committed under
 * `public/`, so a fresh clone serves it without a build step; the one third-party library
 * (Cytoscape.js) is served straight from its installed package, never copied into the repo.
 */

/** Absolute path of the folder holding index.html, app.css and the app's *.js modules. */
export const explorerPublicDir: string = fileURLToPath(new URL('../public/', import.meta.url));

/** One library file the page loads, keyed by the URL path under `/vendor/` it is served at. */
export interface VendorAsset {
  /** File name under `/vendor/`, e.g. `cytoscape.esm.min.mjs`. */
  name: string;
  /** Absolute path of the installed file. */
  path: string;

}

/** Library files the page imports from `/vendor/<name>`, resolved from node_modules. */
export function explorerVendorAssets(): VendorAsset[] {
  return [
    {
      name: 'cytoscape.esm.min.mjs',
      path: fileURLToPath(import.meta.resolve('cytoscape/dist/cytoscape.esm.min.mjs')),

    },
  ];
}
