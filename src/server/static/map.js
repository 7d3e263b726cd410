// The event map: country shapes and event dots drawn as SVG in an equirectangular projection
// (no tile server, works offline). Wheel zooms around the pointer, dragging pans; the current
// view can become the bounding-box filter.
import { clear, colourOf, h, s } from "./dom.js";

const WORLD = { x: 0, y: 6, width: 360, height: 142 }; // longitude -180..180, latitude 84..-58

const project = (lon, lat) => [lon + 180, 90 - lat];

function pathOf(feature) {
  let d = "";
  for (const polygon of feature.geometry.coordinates) {
    for (const ring of polygon) {
      ring.forEach(([lon, lat], i) => {
        const [x, y] = project(lon, lat);
        d += `${i === 0 ? "M" : "L"}${x.toFixed(2)} ${y.toFixed(2)}`;
      });
      d += "Z";
    }
  }
  return d;
}

export function createMap(container, { onSelect }) {
  const svg = s("svg", { class: "map", role: "img", "aria-label": "map of events" });
  const land = s("g", { class: "land" });
  const dots = s("g", { class: "dots" });
  svg.append(land, dots);
  container.append(svg);
  let view = { ...WORLD };
  let events = [];

  const apply = () => {
    svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.width} ${view.height}`);
    const scale = view.width / 360;
    for (const dot of dots.children) dot.setAttribute("r", String(Number(dot.dataset.size) * scale));
  };

  svg.addEventListener(
    "wheel",
    (e) => {
      e.preventDefault();
      const box = svg.getBoundingClientRect();
      const px = view.x + ((e.clientX - box.left) / box.width) * view.width;
      const py = view.y + ((e.clientY - box.top) / box.height) * view.height;
      const factor = e.deltaY < 0 ? 0.8 : 1.25;
      const width = Math.min(WORLD.width, Math.max(2, view.width * factor));
      const height = (width / view.width) * view.height;
      view = {
        x: px - (px - view.x) * (width / view.width),
        y: py - (py - view.y) * (height / view.height),
        width,
        height,
      };
      apply();
    },
    { passive: false },
  );
  let drag = null;
  svg.addEventListener("pointerdown", (e) => {
    drag = { x: e.clientX, y: e.clientY, view: { ...view } };
  });
  window.addEventListener("pointerup", () => {
    drag = null;
  });
  svg.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const box = svg.getBoundingClientRect();
    view.x = drag.view.x - ((e.clientX - drag.x) / box.width) * view.width;
    view.y = drag.view.y - ((e.clientY - drag.y) / box.height) * view.height;
    apply();
  });
  apply();

  return {
    setWorld(world) {
      clear(land);
      for (const feature of world.features) {
        land.append(s("path", { d: pathOf(feature) }, s("title", {}, feature.properties.name)));
      }
    },
    setEvents(list, { fit = false } = {}) {
      events = list.filter((e) => e.lat !== null && e.lon !== null);
      clear(dots);
      for (const event of events) {
        const [x, y] = project(event.lon, event.lat);
        const size = 2.2 + Math.min(3, Math.sqrt(event.numArticles));
        const label = `${event.type} · ${event.place ?? ""} · ${event.date ?? "undated"} · ${event.numArticles} article(s)`;
        dots.append(
          s(
            "circle",
            {
              cx: x.toFixed(3),
              cy: y.toFixed(3),
              fill: colourOf(event.type),
              class: "dot",
              dataset: { size: String(size), type: event.type },
              onclick: () => onSelect(event),
            },
            s("title", {}, label),
          ),
        );
      }
      if (fit && events.length > 0) {
        const xs = events.map((e) => e.lon + 180);
        const ys = events.map((e) => 90 - e.lat);
        const pad = 8;
        const width = Math.min(360, Math.max(40, Math.max(...xs) - Math.min(...xs) + 2 * pad));
        const height = Math.max(
          width * (WORLD.height / WORLD.width),
          Math.max(...ys) - Math.min(...ys) + 2 * pad,
        );
        const fitted = height * (WORLD.width / WORLD.height);
        const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
        const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
        view = { x: cx - fitted / 2, y: cy - height / 2, width: fitted, height };
      }
      apply();
    },
    reset() {
      view = { ...WORLD };
      apply();
    },
    /** The visible area as "minLon,minLat,maxLon,maxLat" for the bbox filter. */
    bbox() {
      const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
      const west = clamp(view.x - 180, -180, 180);
      const east = clamp(view.x + view.width - 180, -180, 180);
      const north = clamp(90 - view.y, -90, 90);
      const south = clamp(90 - (view.y + view.height), -90, 90);
      return [west, south, east, north].map((v) => v.toFixed(2)).join(",");
    },
  };
}

/** Bars of event counts: per day over a few months, per month over a few years, else per year. */
export function bucketsFor(days) {
  if (days.length === 0) return [];
  const first = Date.parse(`${days[0].date}T00:00:00Z`);
  const last = Date.parse(`${days[days.length - 1].date}T00:00:00Z`);
  const span = (last - first) / 86_400_000;
  const width = span <= 180 ? 10 : span <= 3660 ? 7 : 4;
  const merged = new Map();
  for (const { date, events } of days) {
    const key = date.slice(0, width);
    merged.set(key, (merged.get(key) ?? 0) + events);
  }
  return [...merged].map(([key, events]) => ({ key, events }));
}

// "2024" -> its first and last day as numbers of days, for placing bars; "2024-03" likewise.
function dayRange(key) {
  const [y, m, d] = key.split("-").map(Number);
  const start = Date.UTC(y, (m ?? 1) - 1, d ?? 1);
  const end = d ? start : m ? Date.UTC(y, m, 0) : Date.UTC(y, 11, 31);
  return [start / 86_400_000, end / 86_400_000 + 1];
}

/** Event counts as bars; clicking a bar narrows the dates to its day, month or year. */
export function drawTimeline(container, days, { onPick }) {
  clear(container);
  const buckets = bucketsFor(days);
  if (buckets.length === 0) {
    container.append(h("p", { class: "muted" }, "No dated events."));
    return;
  }
  const first = dayRange(buckets[0].key)[0];
  const last = dayRange(buckets[buckets.length - 1].key)[1];
  const span = Math.max(1, last - first);
  const most = Math.max(...buckets.map((b) => b.events));
  const width = 1000;
  const height = 100;
  const svg = s("svg", { class: "timeline", viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: "none" });
  for (const bucket of buckets) {
    const [from, to] = dayRange(bucket.key);
    const x = ((from - first) / span) * width;
    // Bars fill their period less a gap, but never look wider than a fortnight-long view's.
    const barWidth = Math.max(2, Math.min(((to - from) / span) * width - 1, width / 14));
    const tall = Math.max(2, (bucket.events / most) * (height - 4));
    svg.append(
      s(
        "rect",
        {
          x: x.toFixed(1),
          y: (height - tall).toFixed(1),
          width: barWidth.toFixed(1),
          height: tall.toFixed(1),
          class: "bar",
          onclick: () => onPick(bucket.key),
        },
        s("title", {}, `${bucket.key}: ${bucket.events} event(s)`),
      ),
    );
  }
  const unit = { 10: "day", 7: "month", 4: "year" }[buckets[0].key.length];
  const labels = [buckets[0].key, `most in a ${unit}: ${most}`, buckets[buckets.length - 1].key];
  container.append(
    svg,
    h(
      "div",
      { class: "timeline-axis" },
      labels.map((label) => h("span", {}, label)),
    ),
  );
}
