// The interactive graph: Cytoscape.js draws on a canvas, so entity names become pixels, never
// markup. Nodes are coloured by entity type; edges are labelled by predicate and get wider with
// the number of articles behind them.

import cytoscape from '/vendor/cytoscape.esm.min.mjs';

export const TYPE_COLORS = {
  Person: '#d95f02',
  Organization: '#1b9e77',
  Country: '#3b6fc4',
  Place: '#8e5ab8',
  Goods: '#c7a200',
};

const SYMMETRIC = new Set(['MET_WITH', 'TRADES_WITH']);

export function edgeId(subjectId, predicate, objectId) {
  return `${subjectId}|${predicate}|${objectId}`;
}

function label(name) {
  return name.length > 28 ? `${name.slice(0, 27)}…` : name;
}

const STYLE = [
  {
    selector: 'node',
    style: {
      'background-color': (n) => TYPE_COLORS[n.data('type')] ?? '#777',
      label: (n) => label(n.data('name') ?? n.id()),
      width: 'mapData(articleCount, 1, 20, 22, 56)',
      height: 'mapData(articleCount, 1, 20, 22, 56)',
      'font-size': 11,
      color: '#1d2330',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-outline-color': '#ffffff',
      'text-outline-width': 2,
      'border-width': 0,
      // Labels too small to read at the current zoom are not drawn: a 500-node view zoomed out
      // shows its structure and the hubs' names, zooming in brings every name back.
      'min-zoomed-font-size': 7,
    },
  },
  // In a crowded graph the leaves' names are smaller than the expanded hubs'.
  { selector: 'node.leaf', style: { 'font-size': 8, 'text-margin-y': 2 } },
  // Expanded hubs keep their names at any zoom: large type, never culled.
  { selector: 'node.expanded', style: { 'font-size': 'mapData(zoomInverse, 1, 3, 14, 40)', 'font-weight': 'bold', 'min-zoomed-font-size': 0, 'z-index': 10 } },
  { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#1d2330' } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#e7298a' } },
  {
    selector: 'edge',
    style: {
      width: 'mapData(articleCount, 1, 10, 1.5, 9)',
      'line-color': '#9aa3b5',
      'target-arrow-color': '#9aa3b5',
      'target-arrow-shape': (e) => (SYMMETRIC.has(e.data('predicate')) ? 'none' : 'triangle'),
      'curve-style': 'bezier',
      label: 'data(predicate)',
      'font-size': 9,
      color: '#4a5367',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': 1,
    },
  },
  // Edge labels only where they can be read: not on every edge of a crowded graph (see `crowded`).
  { selector: 'edge.quiet', style: { label: '', width: 'mapData(articleCount, 1, 10, 0.8, 5)', 'arrow-scale': 0.6 } },
  { selector: 'edge.quiet:selected, edge.quiet.on-path', style: { label: 'data(predicate)' } },
  { selector: 'edge:selected', style: { 'line-color': '#e7298a', 'target-arrow-color': '#e7298a', color: '#e7298a' } },
  { selector: '.dimmed', style: { opacity: 0.18 } },
  { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#e7298a' } },
  { selector: 'edge.on-path', style: { 'line-color': '#e7298a', 'target-arrow-color': '#e7298a', width: 6, color: '#b01765' } },
];

export function createGraphView(container, handlers) {
  const cy = cytoscape({
    container,
    style: STYLE,
    minZoom: 0.2,
    maxZoom: 3,
    boxSelectionEnabled: false,
  });
  cy.on('tap', 'node', (event) => handlers.onNodeTap(event.target.id()));
  cy.on('dbltap', 'node', (event) => handlers.onNodeDoubleTap(event.target.id()));
  cy.on('tap', 'edge', (event) => handlers.onEdgeTap(event.target.data()));
  // A tap on the background ends a path highlight.
  cy.on('tap', (event) => {
    if (event.target === cy) cy.elements().removeClass('dimmed on-path');
  });

  function addNode(entity, position) {
    const existing = cy.getElementById(entity.id);
    if (existing.nonempty()) {
      existing.data({ ...existing.data(), ...entity });
      return existing;
    }
    return cy.add({
      group: 'nodes',
      data: { id: entity.id, name: entity.name, type: entity.type, aliases: entity.aliases ?? [], articleCount: entity.articleCount ?? 1 },
      position: position ?? { x: 0, y: 0 },
    });
  }

  /** Positions for `count` new nodes on a ring around `center`, so a layout starts untangled. */
  function ring(center, count) {
    const radius = 130 + count * 12;
    return Array.from({ length: count }, (_, i) => {
      const angle = (2 * Math.PI * i) / Math.max(count, 1) - Math.PI / 2;
      return { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) };
    });
  }

  /**
   * Positions for `count` new neighbours of `center` that already has `existing` ones: the next
   * places on a sunflower spiral around it, so that each further page of a hub lands outside the
   * previous ones, evenly spaced, instead of on top of them.
   */
  function spiral(center, existing, count) {
    const golden = Math.PI * (3 - Math.sqrt(5));
    return Array.from({ length: count }, (_, i) => {
      const k = existing + i + 1;
      const r = 60 + 34 * Math.sqrt(k);
      return { x: center.x + r * Math.cos(k * golden), y: center.y + r * Math.sin(k * golden) };
    });
  }

  function addEdge(subjectId, predicate, objectId, articleCount) {
    const id = edgeId(subjectId, predicate, objectId);
    const existing = cy.getElementById(id);
    if (existing.nonempty()) {
      existing.data('articleCount', Math.max(existing.data('articleCount'), articleCount));
      return existing;
    }
    return cy.add({ group: 'edges', data: { id, source: subjectId, target: objectId, predicate, articleCount } });
  }

  /** Hub names are sized against the zoom (style `zoomInverse`), so they stay legible zoomed out. */
  function updateHubLabels() {
    cy.nodes('.expanded').data('zoomInverse', 1 / cy.zoom());
  }
  let labelFrame = 0;
  cy.on('zoom', () => {
    cancelAnimationFrame(labelFrame);
    labelFrame = requestAnimationFrame(updateHubLabels);
  });

  /** Keeps labels readable: fitting a small graph must not blow it up to a huge zoom. */
  function fitView(eles) {
    cy.fit(eles, 50);
    if (cy.zoom() > 1.25) {
      cy.zoom(1.25);
      cy.center(eles);
    }
    updateHubLabels();
  }

  /** Above this many nodes the graph is drawn for overview: quiet edges, small leaves, a cheaper layout. */
  const CROWDED = 120;

  function crowded() {
    return cy.nodes().length > CROWDED;
  }

  /** Marks leaves (one neighbour, not expanded) and quiets edge labels in a crowded graph. */
  function restyle() {
    const busy = crowded();
    cy.batch(() => {
      cy.edges().toggleClass('quiet', busy);
      cy.nodes().forEach((n) => {
        n.toggleClass('leaf', busy && !n.hasClass('expanded') && n.degree(false) <= 1);
      });
    });
  }

  /**
   * Moves expanded hubs that ended up close together (linked hubs attract) apart, each with the
   * leaves only it connects to, so that two hub names never sit on top of each other.
   */
  function spreadHubs(minDistance = 220) {
    const hubs = cy.nodes('.expanded').toArray();
    for (let pass = 0; pass < 4; pass++) {
      let moved = false;
      for (let i = 0; i < hubs.length; i++) {
        for (let j = i + 1; j < hubs.length; j++) {
          const a = hubs[i].position();
          const b = hubs[j].position();
          let dx = b.x - a.x;
          let dy = b.y - a.y;
          const d = Math.hypot(dx, dy) || 1;
          if (d >= minDistance) continue;
          if (d === 1 && dx === 0 && dy === 0) dx = 1;
          const shift = (minDistance - d) / 2;
          const ux = dx / d;
          const uy = dy / d;
          for (const [hub, sign] of [[hubs[i], -1], [hubs[j], 1]]) {
            // The hub and its own leaves (neighbours of no other hub) move together.
            const own = hub.neighborhood('node').filter((n) => !n.hasClass('expanded') && n.neighborhood('node.expanded').length === 1);
            hub.union(own).shift({ x: sign * ux * shift, y: sign * uy * shift });
          }
          moved = true;
        }
      }
      if (!moved) break;
    }
  }

  /**
   * Pushes overlapping nodes apart after a short force-directed run, which leaves a few leaves
   * on top of each other in a crowded graph. Hubs stay put; a grid of cells keeps each pass
   * linear in the number of nodes.
   */
  function separate(passes = 6, gap = 3) {
    spreadHubs();
    const nodes = cy.nodes().toArray();
    const items = nodes.map((n) => ({ node: n, ...n.position(), r: n.width() / 2, fixed: n.hasClass('expanded') }));
    const cell = 2 * Math.max(...items.map((i) => i.r)) + gap;
    for (let pass = 0; pass < passes; pass++) {
      const grid = new Map();
      for (const item of items) {
        const key = `${Math.floor(item.x / cell)},${Math.floor(item.y / cell)}`;
        if (!grid.has(key)) grid.set(key, []);
        grid.get(key).push(item);
      }
      let moved = false;
      for (const a of items) {
        const cx = Math.floor(a.x / cell);
        const cy0 = Math.floor(a.y / cell);
        for (let dx = -1; dx <= 1; dx++) {
          for (let dy = -1; dy <= 1; dy++) {
            for (const b of grid.get(`${cx + dx},${cy0 + dy}`) ?? []) {
              if (b === a || (a.fixed && b.fixed)) continue;
              const want = a.r + b.r + gap;
              let vx = b.x - a.x;
              let vy = b.y - a.y;
              let d = Math.hypot(vx, vy);
              if (d >= want) continue;
              if (d < 0.01) {
                vx = 1;
                vy = 0;
                d = 1;
              }
              const push = (want - d) / (a.fixed || b.fixed ? 1 : 2);
              const ux = vx / d;
              const uy = vy / d;
              if (!a.fixed) {
                a.x -= ux * push;
                a.y -= uy * push;
              }
              if (!b.fixed) {
                b.x += ux * push;
                b.y += uy * push;
              }
              moved = true;
            }
          }
        }
      }
      if (!moved) break;
    }
    cy.batch(() => {
      for (const item of items) if (!item.fixed) item.node.position({ x: item.x, y: item.y });
    });
  }

  function layout() {
    const count = cy.nodes().length;
    restyle();
    if (count <= 2) {
      cy.layout({ name: 'grid', fit: false, padding: 50 }).run();
    } else if (count > CROWDED) {
      // Hundreds of nodes: leaves start on rings around their hub (see addNeighborhood), and a
      // short force-directed run separates the hubs and their rings without tangling them.
      // Repulsion grows with the node count so clusters keep apart; far fewer iterations than
      // for a small graph keep it quick.
      cy.layout({
        name: 'cose',
        animate: false,
        randomize: false,
        fit: false,
        nodeRepulsion: () => 120_000 + count * 400,
        idealEdgeLength: (edge) => (edge.source().hasClass('expanded') && edge.target().hasClass('expanded') ? 260 : 70),
        edgeElasticity: () => 120,
        nodeOverlap: 40,
        gravity: 18,
        numIter: count > 300 ? 220 : 350,
        componentSpacing: 60,
      }).run();
      separate();
    } else {
      cy.layout({
        name: 'cose',
        animate: false,
        randomize: false,
        fit: false,
        nodeRepulsion: () => 400_000,
        idealEdgeLength: () => 120,
        nodeOverlap: 20,
        gravity: 40,
        numIter: 1000,
        componentSpacing: 80,
      }).run();
    }
    fitView(cy.elements());
  }

  return {
    cy,
    /** Adds `center` and its neighbours (rows of /api/entities/:id/neighbors). */
    addNeighborhood(center, neighbors) {
      const node = addNode(center);
      node.data('zoomInverse', 1 / cy.zoom());
      node.addClass('expanded');
      const fresh = neighbors.filter((n) => cy.getElementById(n.entity.id).empty());
      const freshCount = new Set(fresh.map((n) => n.entity.id)).size;
      const existing = node.neighborhood('node').length;
      const spots = existing === 0 ? ring(node.position(), freshCount) : spiral(node.position(), existing, freshCount);
      const placed = new Map();
      for (const n of neighbors) {
        if (!placed.has(n.entity.id) && cy.getElementById(n.entity.id).empty()) placed.set(n.entity.id, spots[placed.size]);
        addNode(n.entity, placed.get(n.entity.id));
        if (n.direction === 'out') addEdge(center.id, n.predicate, n.entity.id, n.articleCount);
        else addEdge(n.entity.id, n.predicate, center.id, n.articleCount);
      }
      layout();
    },
    /** Adds a path's nodes and edges and highlights them, dimming the rest. */
    showPath(path) {
      this.clearHighlight();
      const anchor = path.nodes.map((n) => cy.getElementById(n.id)).find((n) => n.nonempty())?.position() ?? { x: 0, y: 0 };
      const spots = ring(anchor, path.nodes.length);
      path.nodes.forEach((entity, i) => addNode(entity, spots[i]));
      for (const e of path.edges) addEdge(e.subjectId, e.predicate, e.objectId, e.articleCount);
      layout();
      const onPath = cy.collection();
      for (const entity of path.nodes) onPath.merge(cy.getElementById(entity.id));
      for (const e of path.edges) onPath.merge(cy.getElementById(edgeId(e.subjectId, e.predicate, e.objectId)));
      cy.elements().not(onPath).addClass('dimmed');
      onPath.addClass('on-path');
      fitView(onPath);
    },
    clearHighlight() {
      cy.elements().removeClass('dimmed on-path');
    },
    select(id) {
      cy.elements().unselect();
      cy.getElementById(id).select();
    },
    nodeData(id) {
      const node = cy.getElementById(id);
      return node.nonempty() ? node.data() : null;
    },
    clear() {
      cy.elements().remove();
    },
    isEmpty() {
      return cy.elements().length === 0;
    },
    nodeCount() {
      return cy.nodes().length;
    },
    elementsForExport() {
      const nodes = cy.nodes().map((n) => ({ id: n.id(), name: n.data('name'), type: n.data('type'), articleCount: n.data('articleCount') }));
      const edges = cy.edges().map((e) => ({
        id: e.id(),
        source: e.data('source'),
        target: e.data('target'),
        predicate: e.data('predicate'),
        articleCount: e.data('articleCount'),
      }));
      return { nodes, edges };
    },
    png() {
      return cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 });
    },
    resize() {
      cy.resize();
    },
  };
}
