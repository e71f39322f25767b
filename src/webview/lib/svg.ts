/**
 * Small inline SVG charts for the webviews. Sizes and positions are SVG attributes (the CSP
 * allows no inline styles); colours come from classes in media/webview.css that use the theme's
 * chart colours.
 */
import { chartPoints } from '../../core/planner/metrics';

const NS = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** A series of a chart: its points (each with the text its tooltip says), and how it is drawn. */
export interface ChartSeries {
  points: readonly { date: string; value: number; text: string }[];
  /** Joined by a line (a running total); else each point stands alone (one swap's or event's result). */
  joined: boolean;
  /** Classes of the series (its colour and marker), as in media/webview.css. */
  className: string;
}

/**
 * A small chart over time, series on shared axes: a joined series is a line with a marker on each
 * point, any other series markers only; each marker's tooltip says its value, date and kind.
 * `label` is what a screen reader says.
 */
export function sparkline(series: readonly ChartSeries[], label: string, width = 96, height = 24): SVGSVGElement {
  const pad = 3;
  const svg = el('svg', { class: 'sparkline', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label });
  const title = el('title', {});
  title.textContent = label;
  svg.appendChild(title);
  const placed = chartPoints(
    series.map((s) => s.points),
    width - pad * 2,
    height - pad * 2,
  );
  series.forEach((s, i) => {
    const points = placed[i].map((p) => [p.x + pad, p.y + pad]);
    const g = el('g', { class: `spark-series ${s.className}` });
    if (s.joined && points.length > 1) g.appendChild(el('polyline', { class: 'spark-line', points: points.map((p) => p.join(',')).join(' ') }));
    points.forEach(([x, y], k) => {
      const dot = el('circle', { class: 'spark-dot', cx: x, cy: y, r: 3 });
      const tip = el('title', {});
      tip.textContent = s.points[k]?.text ?? '';
      dot.appendChild(tip);
      g.appendChild(dot);
    });
    svg.appendChild(g);
  });
  return svg;
}

/** A legend's sample of a series: its marker, and a short line when its points are joined. */
export function seriesSwatch(joined: boolean, className: string): SVGSVGElement {
  const svg = el('svg', { class: `swatch spark-series ${className}`, width: 16, height: 8, viewBox: '0 0 16 8', 'aria-hidden': 'true' });
  if (joined) svg.appendChild(el('polyline', { class: 'spark-line', points: '1,4 15,4' }));
  svg.appendChild(el('circle', { class: 'spark-dot', cx: 8, cy: 4, r: 2.5 }));
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
