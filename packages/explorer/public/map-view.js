// The world map: country outlines from world-atlas (Natural Earth 1:110m), drawn with d3-geo as
// SVG; countries and places as dots, SUPPLIES and SHIPPED_VIA edges as arrows between them.
// Names reach the SVG only as text nodes (<title>, <text>), never as markup. The libraries are
// served by this server under /vendor/ and loaded the first time the map is opened.

const SVG_NS = 'http://www.w3.org/2000/svg';
const LIBRARIES = ['/vendor/d3-array.min.js', '/vendor/d3-geo.min.js', '/vendor/topojson-client.min.js'];
const OUTLINE_URL = '/vendor/countries-110m.json';
/** Most labelled points: more would cover the map. */
const MAX_LABELS = 40;

/** Creates an SVG element; attributes are set with setAttribute (never event handlers). */
function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    if (/^on/i.test(name)) throw new Error(`refusing to set event-handler attribute ${name}`);
    node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = false;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error(`could not load ${src}`)));
    document.head.append(script);
  });
}

let libraries = null;

/** d3 (array + geo), topojson and the outline, loaded once, in dependency order. */
function loadLibraries() {
  libraries ??= (async () => {
    for (const src of LIBRARIES) await loadScript(src);
    const response = await fetch(OUTLINE_URL);
    if (!response.ok) throw new Error(`could not load the world outline (${response.status})`);
    const world = await response.json();
    return { d3: window.d3, topojson: window.topojson, world };
  })();
  libraries.catch(() => {
    libraries = null;
  });
  return libraries;
}

/**
 * A country's map centre: the centroid of its largest polygon, so that overseas territories
 * (French Guiana, Alaska) do not drag the dot into the sea.
 */
function largestPolygonCentroid(d3, feature) {
  const geometry = feature.geometry;
  if (!geometry) return null;
  if (geometry.type === 'Polygon') return d3.geoCentroid(feature);
  if (geometry.type !== 'MultiPolygon') return null;
  let best = null;
  let bestArea = -1;
  for (const coordinates of geometry.coordinates) {
    const polygon = { type: 'Polygon', coordinates };
    const area = d3.geoArea(polygon);
    if (area > bestArea) {
      bestArea = area;
      best = polygon;
    }
  }
  return best ? d3.geoCentroid(best) : null;
}

/** A curved arrow path from a to b (screen points), bent to the left so opposite flows separate. */
function arcPath(a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const bend = 0.18;
  const cx = (a[0] + b[0]) / 2 - dy * bend;
  const cy = (a[1] + b[1]) / 2 + dx * bend;
  return `M${a[0].toFixed(1)},${a[1].toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${b[0].toFixed(1)},${b[1].toFixed(1)}`;
}

function focusable(node, label, activate) {
  node.setAttribute('tabindex', '0');
  node.setAttribute('role', 'button');
  node.setAttribute('aria-label', label);
  node.addEventListener('click', activate);
  node.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      activate();
    }
  });
}

/**
 * handlers: onPoint(id) when a dot is chosen, onEdge(subjectId, predicate, objectId, names) when
 * an arrow is. Returns { show(data), element }.
 */
export function createMapView(container, handlers) {
  async function show(data) {
    const { d3, topojson, world } = await loadLibraries();
    const width = Math.max(320, container.clientWidth || 800);
    const height = Math.max(220, container.clientHeight || Math.round(width * 0.55));
    const projection = d3.geoNaturalEarth1().fitExtent(
      [
        [8, 8],
        [width - 8, height - 8],
      ],
      { type: 'Sphere' },
    );
    const path = d3.geoPath(projection);
    const countries = topojson.feature(world, world.objects.countries).features;
    const centroids = new Map();
    for (const feature of countries) {
      if (feature.id === undefined) continue;
      const centre = largestPolygonCentroid(d3, feature);
      if (centre) centroids.set(String(feature.id).padStart(3, '0'), centre);
    }

    const points = new Map();
    for (const point of data.points) {
      // Countries, and what is placed in one, sit on the country outline's centroid; the API's
      // reference point is the fallback for countries too small for the 1:110m outline.
      const byCountry = point.placement === 'country' || point.placement === 'country-of';
      const lonLat = byCountry && centroids.has(point.isoNumeric) ? centroids.get(point.isoNumeric) : [point.lon, point.lat];
      const xy = projection(lonLat);
      if (xy && Number.isFinite(xy[0]) && Number.isFinite(xy[1])) points.set(point.id, { ...point, xy, lonLat });
    }
    const active = new Set(data.points.map((p) => p.isoNumeric).filter(Boolean));
    const maxCount = Math.max(1, ...data.edges.map((e) => e.articleCount), ...data.transit.map((t) => t.articleCount));

    const root = svg('svg', {
      class: 'world-map',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'group',
      'aria-label': 'World map of supply and shipping relations',
    });
    root.append(
      svg(
        'defs',
        {},
        svg('marker', { id: 'map-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' }, svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' })),
      ),
      svg('path', { d: path({ type: 'Sphere' }), class: 'sphere' }),
    );
    const land = svg('g', { class: 'countries' });
    for (const feature of countries) {
      const id = feature.id === undefined ? '' : String(feature.id).padStart(3, '0');
      land.append(svg('path', { d: path(feature), class: active.has(id) ? 'country active' : 'country', 'data-iso-numeric': id || null }));
    }
    root.append(land);

    const arrows = svg('g', { class: 'arrows' });
    for (const edge of data.edges) {
      const a = points.get(edge.subjectId);
      const b = points.get(edge.objectId);
      if (!a || !b) continue;
      const title = `${a.name} ${edge.predicate} ${b.name} (${edge.articleCount} article${edge.articleCount === 1 ? '' : 's'})`;
      // Same place at both ends (a company and its own country): a small loop instead of an arrow.
      const same = Math.hypot(a.xy[0] - b.xy[0], a.xy[1] - b.xy[1]) < 4;
      // Far apart on the map (Japan → United States): the great circle, which d3-geo cuts at the
      // map's edge, so the arrow crosses the Pacific as the goods do. Nearer: a bent line, so that
      // flows both ways between two places stay apart.
      const far = Math.abs(a.xy[0] - b.xy[0]) > width / 2;
      const d = same ? `M${a.xy[0]},${a.xy[1]} c 18,-26 34,-6 2,2` : far ? path({ type: 'LineString', coordinates: [a.lonLat, b.lonLat] }) : arcPath(a.xy, b.xy);
      const arrow = svg('path', {
        d,
        class: `arrow predicate-${edge.predicate}`,
        'stroke-width': (1.2 + (4 * edge.articleCount) / maxCount).toFixed(2),
        'marker-end': 'url(#map-arrow)',
        'data-edge': `${edge.subjectId}|${edge.predicate}|${edge.objectId}`,
      }, svg('title', {}, title));
      focusable(arrow, title, () => handlers.onEdge(edge.subjectId, edge.predicate, edge.objectId, { [a.id]: a, [b.id]: b }));
      arrows.append(arrow);
    }
    root.append(arrows);

    const rings = svg('g', { class: 'transit' });
    const transitByHub = new Map();
    for (const t of data.transit) transitByHub.set(t.objectId, [...(transitByHub.get(t.objectId) ?? []), t]);
    for (const [hubId, list] of transitByHub) {
      const hub = points.get(hubId);
      if (!hub) continue;
      const total = list.reduce((n, t) => n + t.articleCount, 0);
      const title = `shipped via ${hub.name}: ${list.map((t) => `${t.subjectName} (${t.articleCount})`).join(', ')}`;
      const ring = svg('circle', { cx: hub.xy[0], cy: hub.xy[1], r: (7 + (8 * total) / maxCount).toFixed(1), class: 'transit-ring', 'data-hub': hubId }, svg('title', {}, title));
      focusable(ring, title, () => handlers.onEdge(list[0].subjectId, 'SHIPPED_VIA', hubId, { [hubId]: hub, [list[0].subjectId]: { name: list[0].subjectName } }));
      rings.append(ring);
    }
    root.append(rings);

    const dots = svg('g', { class: 'points' });
    const labels = svg('g', { class: 'labels' });
    const byCount = [...points.values()].sort((a, b) => b.articleCount - a.articleCount);
    const labelled = new Set(byCount.slice(0, MAX_LABELS).map((p) => p.id));
    for (const point of byCount.slice().reverse()) {
      const r = 3 + Math.min(7, Math.sqrt(point.articleCount) / 2);
      const where = point.placement === 'country-of' ? ` (placed in ${point.iso})` : '';
      const title = `${point.name}: ${point.type}, ${point.articleCount} article${point.articleCount === 1 ? '' : 's'}${where}`;
      const dot = svg('circle', { cx: point.xy[0].toFixed(1), cy: point.xy[1].toFixed(1), r: r.toFixed(1), class: `point type-${point.type}`, 'data-entity-id': point.id }, svg('title', {}, title));
      focusable(dot, title, () => handlers.onPoint(point.id));
      dots.append(dot);
      if (labelled.has(point.id)) labels.append(svg('text', { x: (point.xy[0] + r + 2).toFixed(1), y: (point.xy[1] + 3).toFixed(1), class: 'point-label' }, point.name));
    }
    root.append(dots, labels);
    container.replaceChildren(root);
    return { arrows: arrows.childElementCount, points: points.size, transit: rings.childElementCount };
  }

  return { show };
}
