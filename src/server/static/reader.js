// The article reader: the text exactly as stored, with quotes (coloured by speaker, anonymous
// sources flagged), places, times, figures and event triggers marked, and for each event the
// sentence and rule behind it. The text is split at annotation boundaries into text nodes;
// nothing from the article is ever parsed as HTML.
import { clear, colourOf, h, safeLink } from "./dom.js";

const SPEAKER_COLOURS = 8;

/** Every annotation with a span, as { start, end, kind, item, label }. */
function annotations(doc) {
  const speakers = new Map();
  const list = [];
  for (const q of doc.quotes) {
    const who = q.speaker.name ?? q.speaker.description ?? "unnamed";
    if (!speakers.has(who)) speakers.set(who, speakers.size % SPEAKER_COLOURS);
    list.push({ start: q.start, end: q.end, kind: "quote", item: q, speaker: speakers.get(who) });
    if (q.cue) list.push({ start: q.cue.start, end: q.cue.end, kind: "cue", item: q });
  }
  for (const p of doc.places) list.push({ start: p.start, end: p.end, kind: "place", item: p });
  for (const t of doc.times) list.push({ start: t.start, end: t.end, kind: "time", item: t });
  for (const n of doc.quantities) list.push({ start: n.start, end: n.end, kind: "figure", item: n });
  for (const e of doc.events)
    list.push({ start: e.trigger.start, end: e.trigger.end, kind: "trigger", item: e });
  return { list, speakers };
}

function describe(annotation, doc) {
  const { kind, item } = annotation;
  const rows = [["rule", item.rule ?? "—"]];
  if (kind === "quote") {
    rows.unshift(
      ["speaker", item.speaker.name ?? "(unnamed)"],
      ["description", item.speaker.description ?? "—"],
      ["anonymous", item.speaker.anonymous ? "yes" : "no"],
      ["kind", item.kind],
      ["cue", item.cue?.text ?? "—"],
    );
  } else if (kind === "place") {
    rows.unshift(
      ["place", item.name],
      ["country", item.country],
      ["lat, lon", `${item.lat}, ${item.lon}`],
      ["type", item.featureType],
    );
  } else if (kind === "time") {
    rows.unshift(["value", item.value], ["type", item.type], ["mod", item.mod ?? "—"]);
  } else if (kind === "figure") {
    const value = item.value ?? [item.low, item.high].filter((v) => v !== undefined).join("–");
    rows.unshift(
      ["value", String(value)],
      ["unit", item.unit ?? "—"],
      ["counts", item.counts ?? "—"],
      ["approximate", item.approximate ? "yes" : "no"],
    );
  } else if (kind === "trigger") {
    rows.unshift(["event", item.type], ["modality", item.modality], ...actorRows(item, doc));
  } else if (kind === "cue") {
    rows.unshift(["cue of", `quote ${item.id}`]);
  }
  return h(
    "div",
    { class: `why why-${kind}` },
    h("div", { class: "why-head" }, `${kind}: `, h("q", {}, annotation.text)),
    h(
      "dl",
      {},
      rows.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]),
    ),
  );
}

function entityName(doc, id) {
  return doc.entities.find((e) => e.id === id)?.name ?? id;
}

function actorRows(event, doc) {
  const rows = [];
  if (event.source.length) rows.push(["source", event.source.map((id) => entityName(doc, id)).join(", ")]);
  if (event.target.length) rows.push(["target", event.target.map((id) => entityName(doc, id)).join(", ")]);
  const place = event.place && doc.places.find((p) => p.id === event.place);
  if (place) rows.push(["place", `${place.name} (${place.country})`]);
  const time = event.time && doc.times.find((t) => t.id === event.time);
  if (time) rows.push(["time", time.value]);
  if (event.fatalities !== undefined) rows.push(["fatalities", String(event.fatalities)]);
  return rows;
}

/** One section's text as runs of text nodes, each run wrapped in the marks that cover it. */
function renderSection(doc, section, marks, onPick) {
  const text = doc.article.text;
  const inside = marks.filter((m) => m.end > section.start && m.start < section.end);
  const cuts = new Set([section.start, section.end]);
  // Event sentences are cut too, so bringing one into view can mark exactly its words.
  const sentences = doc.events
    .map((e) => e.sentence)
    .filter((x) => x.end > section.start && x.start < section.end);
  for (const m of [...inside, ...sentences]) {
    cuts.add(Math.max(section.start, m.start));
    cuts.add(Math.min(section.end, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const tag = section.kind === "headline" ? "h3" : "p";
  const block = h(tag, { class: `section section-${section.kind}` });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = inside.filter((m) => m.start <= a && m.end >= b);
    const words = text.slice(a, b);
    const where = { start: String(a), end: String(b) };
    if (covering.length === 0) {
      block.append(h("span", { dataset: where }, words));
      continue;
    }
    const classes = covering.map((m) => `hl-${m.kind}`);
    const quote = covering.find((m) => m.kind === "quote");
    if (quote) {
      classes.push(`spk-${quote.speaker}`);
      if (quote.item.speaker.anonymous) classes.push("anonymous");
    }
    const run = h("span", { class: classes.join(" "), dataset: where }, words);
    run.addEventListener("click", (e) => {
      e.stopPropagation();
      onPick(covering);
    });
    block.append(run);
    if (quote?.item.speaker.anonymous && b === Math.min(section.end, quote.end)) {
      block.append(h("span", { class: "anon-flag", title: "anonymous source" }, "anonymous"));
    }
  }
  return block;
}

function headlineIsTitle(doc) {
  const first = doc.article.sections[0];
  return first?.kind === "headline" && doc.article.text.slice(first.start, first.end) === doc.article.title;
}

/** "Carried by 3 articles from 2 outlets": the other copies of a wire story, each one click away. */
export function renderCopies(container, doc, copies, onOpen) {
  const others = copies.filter((a) => a.id !== doc.article.id);
  if (others.length === 0) return;
  const outlets = new Set(copies.map((a) => a.outlet ?? a.source ?? a.id));
  container.append(
    h(
      "div",
      { class: "copies" },
      h("strong", {}, `Carried by ${copies.length} articles from ${outlets.size} outlets`),
      h(
        "ul",
        {},
        others.map((a) =>
          h(
            "li",
            { class: "clickable", onclick: () => onOpen(a.id) },
            `${a.published ?? "undated"} · ${a.outlet ?? a.source ?? "unknown outlet"} · `,
            h("span", { class: "copy-title" }, a.title ?? "(untitled)"),
            a.copyOf ? null : h("span", { class: "muted" }, " (first copy)"),
          ),
        ),
      ),
    ),
  );
}

/** Show `doc` in `container`; `focus` is an event or quote id to bring into view. */
export function renderArticle(container, doc, { focus, onClose } = {}) {
  clear(container);
  const text = doc.article.text;
  const { list, speakers } = annotations(doc);
  for (const m of list) m.text = text.slice(m.start, m.end);
  const details = h(
    "div",
    { class: "details" },
    h("p", { class: "hint" }, "Click a marked word to see what was extracted from it, and by which rule."),
  );
  const showDetails = (covering) => {
    clear(details);
    for (const m of covering) details.append(describe(m, doc));
  };

  const body = h("div", { class: "article-text" });
  // A document without sections (an older or foreign one) is shown as one body.
  const sections = doc.article.sections.length
    ? doc.article.sections
    : [{ start: 0, end: text.length, kind: "body" }];
  for (const section of sections) body.append(renderSection(doc, section, list, showDetails));

  const highlight = (span, id) => {
    for (const run of body.querySelectorAll(".focus")) run.classList.remove("focus");
    let first = null;
    for (const run of body.querySelectorAll("span[data-start]")) {
      if (Number(run.dataset.start) >= span.start && Number(run.dataset.end) <= span.end) {
        run.classList.add("focus");
        first ??= run;
      }
    }
    for (const row of container.querySelectorAll("[data-ref]"))
      row.classList.toggle("current", row.dataset.ref === id);
    first?.scrollIntoView({ block: "center", behavior: "smooth" });
  };

  const legend = h(
    "div",
    { class: "legend" },
    [...speakers].map(([name, i]) => h("span", { class: `hl-quote spk-${i}`, title: name }, name)),
    h("span", { class: "hl-quote anonymous" }, "anonymous source"),
    h("span", { class: "hl-place" }, "place"),
    h("span", { class: "hl-time" }, "time"),
    h("span", { class: "hl-figure" }, "figure"),
    h("span", { class: "hl-trigger" }, "event"),
  );

  const events = doc.events.map((e) =>
    h(
      "li",
      { class: "event-item", dataset: { ref: e.id }, onclick: () => highlight(e.sentence, e.id) },
      h("span", { class: "type-badge", dataset: { colour: colourOf(e.type) } }, e.type),
      " ",
      h("q", {}, e.trigger.text),
      h("span", { class: "muted" }, ` · ${e.modality} · rule ${e.rule ?? "—"}`),
      h("div", { class: "sentence" }, text.slice(e.sentence.start, e.sentence.end)),
      h(
        "div",
        { class: "muted" },
        actorRows(e, doc)
          .map(([k, v]) => `${k}: ${v}`)
          .join(" · "),
      ),
    ),
  );
  const quotes = doc.quotes.map((q) =>
    h(
      "li",
      { class: "quote-item", dataset: { ref: q.id }, onclick: () => highlight(q, q.id) },
      h(
        "span",
        { class: q.speaker.anonymous ? "speaker-name anonymous-speaker" : "speaker-name" },
        q.speaker.name ?? `anonymous: ${q.speaker.description ?? "unnamed"}`,
      ),
      h("span", { class: "muted" }, ` ${q.cue?.text ?? ""} · ${q.kind} · rule ${q.rule ?? "—"}`),
      h("div", { class: "sentence" }, q.text),
    ),
  );

  const meta = doc.article;
  container.append(
    h(
      "header",
      { class: "reader-head" },
      h(
        "button",
        { type: "button", class: "close", onclick: () => onClose?.(), "aria-label": "close the reader" },
        "×",
      ),
      // The headline section already shows a title that is the headline itself.
      headlineIsTitle(doc) ? null : h("h2", {}, meta.title ?? "(untitled)"),
      h(
        "div",
        { class: "muted" },
        meta.published ?? "undated",
        " · ",
        safeLink(meta.source, meta.source ?? "no source"),
        ` · ${meta.id}`,
      ),
    ),
    h("div", { class: "copies-slot" }),
    legend,
    body,
    details,
    h("h4", {}, `Events (${doc.events.length})`),
    h("ul", { class: "events-list" }, events.length ? events : h("li", { class: "muted" }, "no events")),
    h("h4", {}, `Quotes (${doc.quotes.length})`),
    h("ul", { class: "quotes-list" }, quotes.length ? quotes : h("li", { class: "muted" }, "no quotes")),
  );
  for (const badge of container.querySelectorAll(".type-badge"))
    badge.style.background = badge.dataset.colour;

  const target = doc.events.find((e) => e.id === focus) ?? doc.quotes.find((q) => q.id === focus);
  if (target) highlight(target.sentence ?? target, target.id);
}
