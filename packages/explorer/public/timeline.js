// A small SVG bar chart of articles per month. Built with createElementNS and textContent only.

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** Sums daily points ({ date: 'YYYY-MM-DD', articleCount }) into consecutive months. */
export function monthlyBuckets(points) {
  if (points.length === 0) return [];
  const sums = new Map();
  for (const p of points) {
    const month = String(p.date).slice(0, 7);
    sums.set(month, (sums.get(month) ?? 0) + Number(p.articleCount));
  }
  const months = [...sums.keys()].sort();
  const out = [];
  let [year, month] = months[0].split('-').map(Number);
  const [endYear, endMonth] = months[months.length - 1].split('-').map(Number);
  // Fill empty months so gaps in coverage show as gaps.
  while (year < endYear || (year === endYear && month <= endMonth)) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    out.push({ month: key, count: sums.get(key) ?? 0 });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    if (out.length > 600) break;
  }
  return out;
}

export function timelineChart(points) {
  const buckets = monthlyBuckets(points);
  const width = 320;
  const height = 90;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'timeline-chart' });
  const title = svg('title');
  const total = buckets.reduce((s, b) => s + b.count, 0);
  title.textContent = buckets.length
    ? `Articles per month, ${buckets[0].month} to ${buckets[buckets.length - 1].month}: ${total} in all`
    : 'No dated articles';
  chart.append(title);
  if (buckets.length === 0) return chart;
  const max = Math.max(...buckets.map((b) => b.count), 1);
  const plotHeight = height - 18;
  const barWidth = width / buckets.length;
  buckets.forEach((b, i) => {
    const h = Math.max(b.count > 0 ? 2 : 0, (b.count / max) * plotHeight);
    const bar = svg('rect', {
      x: (i * barWidth + barWidth * 0.1).toFixed(2),
      y: (plotHeight - h).toFixed(2),
      width: Math.max(1, barWidth * 0.8).toFixed(2),
      height: h.toFixed(2),
      class: 'bar',
    });
    const tip = svg('title');
    tip.textContent = `${b.month}: ${b.count} article${b.count === 1 ? '' : 's'}`;
    bar.append(tip);
    chart.append(bar);
  });
  const first = svg('text', { x: 0, y: height - 3, class: 'axis' });
  first.textContent = buckets[0].month;
  const last = svg('text', { x: width, y: height - 3, class: 'axis', 'text-anchor': 'end' });
  last.textContent = buckets[buckets.length - 1].month;
  chart.append(first, last);
  return chart;
}
