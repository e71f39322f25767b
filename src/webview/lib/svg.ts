/**
 * Small inline SVG charts for the webviews. Sizes and positions are SVG attributes (the CSP
 * allows no inline styles); colours come from classes in media/webview.css that use the theme's
 * chart colours.
 */
import { sparklinePoints } from '../../core/planner/metrics';

const NS = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** A line over time, with a dot on the latest value; `label` is what a screen reader says. */
export function sparkline(series: readonly { date: string; value: number }[], label: string, width = 96, height = 24): SVGSVGElement {
  const pad = 3;
  const svg = el('svg', { class: 'sparkline', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label });
  const title = el('title', {});
  title.textContent = label;
  svg.appendChild(title);
  const points = sparklinePoints(series, width - pad * 2, height - pad * 2)
    .split(' ')
    .filter(Boolean)
    .map((p) => p.split(',').map(Number))
    .map(([x, y]) => [x + pad, y + pad]);
  if (points.length === 0) return svg;
  svg.appendChild(el('polyline', { class: 'spark-line', points: points.map((p) => p.join(',')).join(' ') }));
  const [lx, ly] = series.length === 1 ? [width - pad, height / 2] : points[points.length - 1];
  svg.appendChild(el('circle', { class: 'spark-dot', cx: lx, cy: ly, r: 2.5 }));
  return svg;
}

/** A thin progress bar: `fraction` of it filled. */
export function bar(fraction: number, label: string, width = 100, height = 4): SVGSVGElement {
  const f = Number.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : 0;
  const svg = el('svg', { class: 'bar', width: '100%', height, viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', role: 'img', 'aria-label': label });
  svg.appendChild(el('rect', { class: 'bar-track', x: 0, y: 0, width, height, rx: 2 }));
  svg.appendChild(el('rect', { class: 'bar-fill', x: 0, y: 0, width: width * f, height, rx: 2 }));
  return svg;
}
