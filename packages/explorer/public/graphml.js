// GraphML of the current view, built in the browser from the graph's elements. Every value is
// XML-escaped, and characters XML 1.0 forbids are dropped, so any entity name gives a valid file.

// eslint-disable-next-line no-control-regex -- the point is to match the control characters XML forbids
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(value) {
  return String(value)
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const NODE_KEYS = [
  ['name', 'string'],
  ['type', 'string'],
  ['articleCount', 'int'],
];
const EDGE_KEYS = [
  ['predicate', 'string'],
  ['articleCount', 'int'],
];

/**
 * nodes: [{ id, name, type, articleCount }], edges: [{ id, source, target, predicate, articleCount }]
 */
export function toGraphML(nodes, edges) {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [name, type] of NODE_KEYS) {
    lines.push(`  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`);
  }
  for (const [name, type] of EDGE_KEYS) {
    lines.push(`  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`);
  }
  lines.push('  <graph id="newsgraph" edgedefault="directed">');
  for (const node of nodes) {
    lines.push(`    <node id="${escapeXml(node.id)}">`);
    for (const [name] of NODE_KEYS) lines.push(`      <data key="n_${name}">${escapeXml(node[name] ?? '')}</data>`);
    lines.push('    </node>');
  }
  for (const edge of edges) {
    lines.push(`    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">`);
    for (const [name] of EDGE_KEYS) lines.push(`      <data key="e_${name}">${escapeXml(edge[name] ?? '')}</data>`);
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
