// Country outlines for the offline map, as one GeoJSON FeatureCollection. Natural Earth's
// 1:110m shapes from the world-atlas package (TopoJSON, decoded here) when it is installed;
// otherwise the outlines that ship with world-countries, thinned to map scale.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

type Position = [number, number];
type Polygon = Position[][];
export interface WorldFeature {
  type: "Feature";
  properties: { name: string };
  geometry: { type: "MultiPolygon"; coordinates: Polygon[] };
}
export interface World {
  type: "FeatureCollection";
  source: string;
  features: WorldFeature[];
}

interface Topology {
  transform?: { scale: Position; translate: Position };
  arcs: Position[][];
  objects: Record<string, { geometries: TopoGeometry[] }>;
}
type TopoGeometry =
  | { type: "Polygon"; arcs: number[][]; properties?: { name?: string } }
  | { type: "MultiPolygon"; arcs: number[][][]; properties?: { name?: string } }
  | { type: null; properties?: { name?: string } };

/** TopoJSON to GeoJSON polygons: arcs are delta-encoded and quantised; a negative index runs backwards. */
export function decodeTopology(topology: Topology, object: string): WorldFeature[] {
  const [sx, sy] = topology.transform?.scale ?? [1, 1];
  const [tx, ty] = topology.transform?.translate ?? [0, 0];
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]): Position => {
      if (topology.transform) {
        x += dx;
        y += dy;
        return [x * sx + tx, y * sy + ty];
      }
      return [dx, dy];
    });
  });
  const ring = (indexes: number[]): Position[] => {
    const points: Position[] = [];
    for (const index of indexes) {
      const arc = index < 0 ? [...arcs[~index]!].reverse() : arcs[index]!;
      points.push(...(points.length > 0 ? arc.slice(1) : arc));
    }
    return points;
  };
  const features: WorldFeature[] = [];
  for (const geometry of topology.objects[object]?.geometries ?? []) {
    if (geometry.type === null) continue;
    const polygons = geometry.type === "Polygon" ? [geometry.arcs] : geometry.arcs;
    features.push({
      type: "Feature",
      properties: { name: geometry.properties?.name ?? "" },
      geometry: { type: "MultiPolygon", coordinates: polygons.map((rings) => rings.map(ring)) },
    });
  }
  return features;
}

/** Drop points closer than `step` degrees to the last one kept: detail finer than a map pixel. */
function thin(ring: Position[], step: number): Position[] {
  const kept: Position[] = [];
  for (const [x, y] of ring) {
    const last = kept[kept.length - 1];
    if (!last || Math.abs(x - last[0]) + Math.abs(y - last[1]) >= step) {
      kept.push([Math.round(x * 100) / 100, Math.round(y * 100) / 100]);
    }
  }
  return kept.length >= 4 ? kept : [];
}

function fromWorldCountries(): WorldFeature[] {
  const countries = require("world-countries") as { cca3: string; name: { common: string } }[];
  const features: WorldFeature[] = [];
  for (const country of countries) {
    let collection: { features: { geometry: { type: string; coordinates: unknown } | null }[] };
    try {
      collection = JSON.parse(
        readFileSync(require.resolve(`world-countries/data/${country.cca3.toLowerCase()}.geo.json`), "utf8"),
      );
    } catch {
      continue;
    }
    const polygons: Polygon[] = [];
    for (const { geometry } of collection.features) {
      if (!geometry) continue;
      const list = (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates) as Polygon[];
      for (const polygon of list) {
        const rings = polygon.map((r) => thin(r, 0.25)).filter((r) => r.length > 0);
        if (rings.length > 0) polygons.push(rings);
      }
    }
    if (polygons.length > 0) {
      features.push({
        type: "Feature",
        properties: { name: country.name.common },
        geometry: { type: "MultiPolygon", coordinates: polygons },
      });
    }
  }
  return features;
}

let cached: World | undefined;

/** The world's country shapes, loaded once. */
export function loadWorld(): World {
  if (cached) return cached;
  try {
    const topology = JSON.parse(readFileSync(require.resolve("world-atlas/countries-110m.json"), "utf8"));
    cached = {
      type: "FeatureCollection",
      source: "Natural Earth 1:110m (world-atlas)",
      features: decodeTopology(topology, "countries"),
    };
  } catch {
    cached = {
      type: "FeatureCollection",
      source: "world-countries outlines",
      features: fromWorldCountries(),
    };
  }
  return cached;
}
