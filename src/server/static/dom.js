// Building DOM without markup: every string becomes a text node, so article text (untrusted)
// can never turn into elements or scripts. Nothing in the UI uses innerHTML.
const SVG_NS = "http://www.w3.org/2000/svg";

function append(parent, children) {
  for (const child of children.flat(Number.POSITIVE_INFINITY)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(
      typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child,
    );
  }
  return parent;
}

function setAttributes(el, attrs) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") el.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  return el;
}

/** An HTML element: h("a", { class: "x", onclick: f }, "text", child) */
export function h(tag, attrs, ...children) {
  return append(setAttributes(document.createElement(tag), attrs), children);
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  return append(setAttributes(document.createElementNS(SVG_NS, tag), attrs), children);
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/** A link only for http(s) addresses; anything else (javascript:, data:) stays plain text. */
export function safeLink(url, label) {
  if (typeof url === "string" && /^https?:\/\//i.test(url)) {
    return h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, label ?? url);
  }
  return h("span", {}, label ?? url ?? "");
}

// PLOVER's event types, cool colours for cooperation and warm ones for conflict, so a map of
// protests and assaults reads at a glance; any other type gets a stable colour from its name.
const TYPE_COLOURS = {
  AGREE: "#1b998b",
  CONSULT: "#30638e",
  SUPPORT: "#3a9d23",
  CONCEDE: "#7fb069",
  COOPERATE: "#00798c",
  AID: "#5fa8d3",
  RETREAT: "#8d99ae",
  REQUEST: "#6a4c93",
  ACCUSE: "#b5838d",
  REJECT: "#8f2d56",
  THREATEN: "#e36414",
  PROTEST: "#edae49",
  SANCTION: "#9c6644",
  MOBILIZE: "#c9184a",
  COERCE: "#7d1d3f",
  ASSAULT: "#d00000",
};
const PALETTE = ["#264653", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51", "#588157", "#6d597a", "#b56576"];

/** The colour of an event type. */
export function colourOf(name) {
  const key = String(name).toUpperCase();
  if (TYPE_COLOURS[key]) return TYPE_COLOURS[key];
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}

export async function getJson(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.reason ?? `HTTP ${response.status}`);
  return body;
}
