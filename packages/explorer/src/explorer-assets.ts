import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the explorer's browser files live. The page is plain ES modules committed under
 * `public/`, so a fresh clone serves it without a build step; third-party libraries (Cytoscape.js
 * for the graph; d3-geo, d3-array, topojson-client and the world-atlas outlines for the map) are
 * served straight from their installed packages, never copied into the repo, and never from a CDN
 * (the page's Content-Security-Policy allows its own origin only).
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
  const installed = (specifier: string) => fileURLToPath(import.meta.resolve(specifier));
  return [
    { name: 'cytoscape.esm.min.mjs', path: installed('cytoscape/dist/cytoscape.esm.min.mjs') },
    // The map's libraries are UMD builds, loaded as classic scripts when the map is first opened:
    // their ES builds import bare module names, which a page without an import map cannot resolve.
    // d3 packages export only their ES build; their UMD file sits beside it in dist/.
    { name: 'd3-array.min.js', path: join(dirname(installed('d3-array')), 'd3-array.min.js') },
    { name: 'd3-geo.min.js', path: join(dirname(installed('d3-geo')), 'd3-geo.min.js') },
    { name: 'topojson-client.min.js', path: installed('topojson-client/dist/topojson-client.min.js') },
    // Natural Earth 1:110m country outlines as TopoJSON; features are keyed by ISO 3166-1 numeric.
    { name: 'countries-110m.json', path: installed('world-atlas/countries-110m.json') },
  ];
}
