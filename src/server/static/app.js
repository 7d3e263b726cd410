// The archive UI: filters, map, timeline and tables over the read-only API, and the article
// reader. The state lives in the address (#type=ASSAULT&article=…&focus=…), so every view can
// be bookmarked and shared.
import { clear, colourOf, getJson, h } from "./dom.js";
import { createMap, drawTimeline } from "./map.js";
import { renderArticle, renderCopies } from "./reader.js";

const FILTERS = ["type", "actor", "country", "from", "to", "bbox"];
const $ = (id) => document.getElementById(id);
const form = $("filters");
const table = $("table");
const reader = $("reader");
let tab = "events";

function readHash() {
  return new URLSearchParams(location.hash.slice(1));
}

function writeHash(update) {
  const params = readHash();
  for (const [k, v] of Object.entries(update)) {
    if (v === null || v === undefined || v === "") params.delete(k);
    else params.set(k, v);
  }
  const next = `#${params.toString()}`;
  if (next !== location.hash) location.hash = next;
  else route();
}

function filterQuery() {
  const params = readHash();
  const query = new URLSearchParams();
  for (const name of FILTERS) if (params.get(name)) query.set(name, params.get(name));
  return query;
}

const map = createMap($("map"), { onSelect: (event) => openEvent(event) });

function openEvent(event) {
  writeHash({ article: event.article, focus: event.id });
}

function eventTable(events) {
  const head = [
    "Date",
    "Type",
    "Actor 1",
    "Actor 2",
    "Place",
    "Country",
    "Deaths",
    "Articles",
    "Outlets",
    "Modality",
    "Trigger",
  ];
  return h(
    "table",
    { class: "grid" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        head.map((c) => h("th", {}, c)),
      ),
    ),
    h(
      "tbody",
      {},
      events.map((e) =>
        h(
          "tr",
          { class: "clickable", dataset: { article: e.article, event: e.id }, onclick: () => openEvent(e) },
          h("td", {}, e.date ?? "—"),
          h("td", {}, h("span", { class: "swatch", dataset: { colour: colourOf(e.type) } }), e.type),
          h("td", {}, e.actor1 ?? "—"),
          h("td", {}, e.actor2 ?? "—"),
          h("td", {}, e.place ?? "—"),
          h("td", {}, e.country ?? "—"),
          h("td", { class: "num" }, e.fatalities ?? ""),
          h("td", { class: "num" }, e.numArticles),
          h("td", { class: "num" }, e.numSources),
          h("td", {}, e.modality),
          h("td", {}, h("q", {}, e.trigger)),
        ),
      ),
    ),
  );
}

function paint(root) {
  for (const el of root.querySelectorAll("[data-colour]")) el.style.background = el.dataset.colour;
}

async function loadEvents(fit) {
  const query = filterQuery();
  query.set("limit", "1000");
  $("export-csv").href = `/api/events.csv?${filterQuery()}`;
  $("export-geojson").href = `/api/events.geojson?${filterQuery()}`;
  try {
    const [page, buckets] = await Promise.all([
      getJson(`/api/events?${query}`),
      getJson(`/api/events/timeline?${filterQuery()}`),
    ]);
    $("filter-error").textContent = "";
    $("event-count").textContent = `(${page.total})`;
    map.setEvents(page.items, { fit });
    drawTimeline($("timeline"), buckets, { onPick: (date) => writeHash({ from: date, to: date }) });
    const types = [...new Set(page.items.map((e) => e.type))].sort();
    clear($("types")).append(...types.map((t) => h("option", { value: t })));
    clear($("legend")).append(
      ...types.map((t) =>
        h(
          "button",
          { type: "button", class: "legend-item", onclick: () => writeHash({ type: t }) },
          h("span", { class: "swatch", dataset: { colour: colourOf(t) } }),
          t,
        ),
      ),
    );
    paint($("legend"));
    if (tab === "events") {
      clear(table).append(
        page.items.length
          ? eventTable(page.items)
          : h("p", { class: "muted" }, "No events match these filters."),
      );
      paint(table);
    }
  } catch (error) {
    $("filter-error").textContent = error.message;
  }
}

async function loadArticles() {
  const q = readHash().get("q") ?? "";
  const query = new URLSearchParams({ limit: "200" });
  if (q) query.set("q", q);
  const page = await getJson(`/api/articles?${query}`);
  $("article-count").textContent = `(${page.total})`;
  if (tab !== "articles") return;
  clear(table).append(
    h(
      "table",
      { class: "grid" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["Published", "Title", "Outlet", "Events", "Quotes", "Copy of"].map((c) => h("th", {}, c)),
        ),
      ),
      h(
        "tbody",
        {},
        page.items.map((a) =>
          h(
            "tr",
            { class: "clickable", onclick: () => writeHash({ article: a.id, focus: null }) },
            h("td", {}, a.published ?? "—"),
            h("td", {}, a.title ?? "(untitled)", a.snippet ? h("div", { class: "muted" }, a.snippet) : null),
            h("td", {}, a.outlet ?? "—"),
            h("td", { class: "num" }, a.events),
            h("td", { class: "num" }, a.quotes),
            h("td", {}, a.copyOf ? "wire copy" : ""),
          ),
        ),
      ),
    ),
  );
}

async function loadQuotes() {
  const speaker = $("speaker").value.trim();
  const query = new URLSearchParams({ limit: "300" });
  if (speaker) query.set("speaker", speaker);
  const page = await getJson(`/api/quotes?${query}`);
  if (tab !== "quotes") return;
  clear(table).append(
    h(
      "table",
      { class: "grid" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["Published", "Speaker", "Quote", "Kind"].map((c) => h("th", {}, c)),
        ),
      ),
      h(
        "tbody",
        {},
        page.items.map((q) =>
          h(
            "tr",
            { class: "clickable", onclick: () => writeHash({ article: q.article, focus: q.id }) },
            h("td", {}, q.published ?? "—"),
            h(
              "td",
              { class: q.anonymous ? "anonymous-speaker" : "" },
              q.speaker ?? `anonymous: ${q.description ?? ""}`,
            ),
            h("td", {}, h("q", {}, q.text)),
            h("td", {}, q.kind),
          ),
        ),
      ),
    ),
  );
}

async function loadEntities() {
  const page = await getJson("/api/entities?limit=300");
  if (tab !== "entities") return;
  clear(table).append(
    h(
      "table",
      { class: "grid" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["Name", "Type", "Actor code", "Articles", "Mentions"].map((c) => h("th", {}, c)),
        ),
      ),
      h(
        "tbody",
        {},
        page.items.map((e) =>
          h(
            "tr",
            {
              class: "clickable",
              title: "show this actor's events",
              onclick: () => {
                tab = "events";
                selectTab();
                writeHash({ actor: e.actorCode ?? e.name });
              },
            },
            h("td", {}, e.name),
            h("td", {}, e.type),
            h("td", {}, e.actorCode ?? "—"),
            h("td", { class: "num" }, e.articles),
            h("td", { class: "num" }, e.mentions),
          ),
        ),
      ),
    ),
  );
}

async function openArticle(id, focus) {
  reader.hidden = false;
  $("layout").classList.add("reading");
  try {
    const doc = await getJson(`/api/articles/${encodeURIComponent(id)}`);
    renderArticle(reader, doc, { focus, onClose: () => writeHash({ article: null, focus: null }) });
    const copies = await getJson(`/api/articles?sameStoryAs=${encodeURIComponent(id)}&limit=50`);
    const slot = reader.querySelector(".copies-slot");
    if (slot) renderCopies(slot, doc, copies.items, (other) => writeHash({ article: other, focus: null }));
  } catch (error) {
    clear(reader).append(h("p", { class: "error" }, `Could not open the article: ${error.message}`));
  }
}

let lastFilters = null;
let lastArticle = null;
async function route() {
  const params = readHash();
  for (const name of FILTERS) form.elements[name].value = params.get(name) ?? "";
  $("q").value = params.get("q") ?? "";
  const filters = filterQuery().toString();
  if (filters !== lastFilters) {
    const first = lastFilters === null;
    lastFilters = filters;
    await loadEvents(first);
  }
  const article = params.get("article");
  const key = `${article}#${params.get("focus")}`;
  if (article && key !== lastArticle) await openArticle(article, params.get("focus"));
  if (!article) {
    reader.hidden = true;
    $("layout").classList.remove("reading");
  }
  lastArticle = article ? key : null;
  if (tab === "articles") await loadArticles();
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  const update = {};
  for (const name of FILTERS) update[name] = form.elements[name].value.trim();
  writeHash(update);
});
form.addEventListener("reset", () => {
  setTimeout(() => writeHash(Object.fromEntries(FILTERS.map((n) => [n, null]))));
});
$("use-view").addEventListener("click", () => writeHash({ bbox: map.bbox() }));
$("search").addEventListener("submit", (e) => {
  e.preventDefault();
  tab = "articles";
  selectTab();
  writeHash({ q: $("q").value.trim() });
});
$("speaker").addEventListener("change", () => loadQuotes());
for (const button of document.querySelectorAll(".tabs [data-tab]")) {
  button.addEventListener("click", () => {
    tab = button.dataset.tab;
    selectTab();
  });
}

function selectTab() {
  for (const b of document.querySelectorAll(".tabs [data-tab]"))
    b.classList.toggle("active", b.dataset.tab === tab);
  $("speaker").hidden = tab !== "quotes";
  if (tab === "events") {
    lastFilters = null;
    route();
  } else if (tab === "articles") loadArticles();
  else if (tab === "entities") loadEntities();
  else loadQuotes();
}

// Rows and list items that open something work from the keyboard too.
document.addEventListener("keydown", (e) => {
  if (
    e.key === "Enter" &&
    e.target instanceof HTMLElement &&
    e.target.matches(".clickable, .event-item, .quote-item")
  ) {
    e.target.click();
  }
});
new MutationObserver(() => {
  for (const el of document.querySelectorAll(
    ".clickable:not([tabindex]), .event-item:not([tabindex]), .quote-item:not([tabindex])",
  )) {
    el.tabIndex = 0;
  }
}).observe(document.body, { childList: true, subtree: true });

window.addEventListener("hashchange", route);
getJson("/api/stats").then((stats) => {
  $("stats").textContent = `${stats.articles} articles · ${stats.stories} stories · ${stats.events} events`;
});
getJson("/api/world.json").then((world) => map.setWorld(world));
route().then(() => loadArticles());
