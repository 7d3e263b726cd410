// Build the gazetteer index (data/build/gazetteer.db) from the data the installed packages
// ship; `npm install` runs it through the `prepare` script. Extend it with GeoNames dumps:
//   node scripts/build-gazetteer.mjs --geonames allCountries.txt --alternate-names alternateNamesV2.txt
//   node scripts/build-gazetteer.mjs --admin1-codes admin1CodesASCII.txt
//   node scripts/build-gazetteer.mjs --outlines countries.topo.json   # country outlines, ISO numeric ids
// Run after `npm run build`: the build code is the library's own (dist/gazetteer/build.js).
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    out: { type: "string", default: join(root, "data", "build", "gazetteer.db") },
    geonames: { type: "string", multiple: true, default: [] },
    "alternate-names": { type: "string", multiple: true, default: [] },
    "admin1-codes": { type: "string", multiple: true, default: [] },
    "admin1-json": { type: "string", multiple: true, default: [] },
    outlines: { type: "string" },
    "no-cities500": { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
  },
});

const { buildGazetteer } = await import(join(root, "dist", "gazetteer", "build.js"));
const admin1Json = values["admin1-json"];
for (const file of [
  ...values.geonames,
  ...values["alternate-names"],
  ...values["admin1-codes"],
  ...admin1Json,
  ...(values.outlines ? [values.outlines] : []),
]) {
  if (!existsSync(file)) {
    process.stderr.write(`build-gazetteer: no such file: ${file}\n`);
    process.exit(2);
  }
}
const started = Date.now();
const stats = await buildGazetteer({
  out: values.out,
  cities500: values["no-cities500"] ? null : undefined,
  outlines: values.outlines,
  aliases: join(root, "data", "places", "aliases.json"),
  geonames: values.geonames,
  alternateNames: values["alternate-names"],
  admin1Codes: values["admin1-codes"],
  admin1Json,
  subdivisionWords: join(root, "data", "places", "subdivisions.json"),
  countyWords: join(root, "data", "places", "counties.json"),
  islands: join(root, "data", "places", "islands.json"),
});
if (!values.quiet) {
  const types = Object.entries(stats.byType)
    .map(([type, n]) => `${n} ${type}`)
    .join(", ");
  process.stdout.write(
    `gazetteer: ${stats.places} places (${types}), ${stats.names} names${stats.subdivisions ? `; ISO 3166-2 first-level subdivisions: ${stats.subdivisions.byCode} by code, ${stats.subdivisions.bySeat} by seat, ${stats.subdivisions.byPoint} by a listed point, ${stats.subdivisions.lowerByPoint} as second-level divisions by a listed point (${stats.subdivisions.namedAfterTown} named after a town left out), ${stats.subdivisions.unmapped} unmapped, ${stats.subdivisions.rejected} rejected of ${stats.subdivisions.considered}${stats.subdivisions.listedOnly ? `, ${stats.subdivisions.listedOnly} more only the regions list has` : ""}` : ""}${stats.counties ? `; ${stats.counties} US counties` : ""}${stats.islands ? `; islands: ${stats.islands.added} added, ${stats.islands.named} already a region's name${stats.islands.missing.length ? `, not found: ${stats.islands.missing.join(", ")}` : ""}` : ""}${stats.skipped ? `, ${stats.skipped} entries failing checks left out` : ""} in ${((Date.now() - started) / 1000).toFixed(1)} s -> ${values.out}\n`,
  );
}
