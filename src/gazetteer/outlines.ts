// Country points from country outlines (Natural Earth, as the npm package `world-atlas` ships
// them in TopoJSON). Reporters' "the United States" means the country as maps draw it, and the
// conventional point for it (an atlas's, an encyclopedia's) is the middle of its main landmass:
// 40 N 100 W, not the Factbook's 38 N 97 W, and never a point pulled north by Alaska.

import { distanceKm } from "./geo.js";

/** A TopoJSON topology: quantised, delta-encoded arcs and geometries that index them. */
export interface Topology {
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: [number, number][][];
  objects: Record<string, { type: string; geometries: TopoGeometry[] }>;
}

export interface TopoGeometry {
  type: string;
  /** ISO 3166-1 numeric code, "840"; a US county's FIPS code, "24021". */
  id?: string;
  /** What the atlas names the feature: "Frederick" (a county), "Maryland" (a state). */
  properties?: { name?: string };
  /** Polygon: rings of arc indices; MultiPolygon: polygons of them. A negative index ~i is arc i reversed. */
  arcs?: number[][] | number[][][];
}

export type Ring = [number, number][];
export type Polygon = Ring[];

/** One feature's outline: its id, its name, and its polygons (lon/lat rings, holes after the outer ring). */
export interface Outline {
  id: string;
  name: string;
  polygons: Polygon[];
}

/** The part of a country the point is taken from: land within this distance of its largest piece. */
export const MAINLAND_KM = 1000;

/**
 * Each country's point, by ISO numeric code: the area-weighted middle of its land pieces
 * within MAINLAND_KM of its largest one. "Only the largest piece" misplaces New Zealand (the
 * South Island alone) and "every piece" puts the United States in Canada (Alaska, Hawaii); on
 * the GeoVirus set 1,000 km placed 720 of 965 country mentions within 161 km, the largest
 * piece 706, every piece 509, the Factbook points world-countries carries 627 (the build
 * keeps the Factbook point where the two disagree widely: see conventionalPoint below).
 */
export function countryPoints(
  topology: Topology,
  object = "countries",
): Map<string, { lat: number; lon: number }> {
  const points = new Map<string, { lat: number; lon: number }>();
  for (const { id, polygons } of outlines(topology, object)) {
    const point = mainlandPoint(polygons);
    if (point) points.set(id, point);
  }
  return points;
}

/** The features of one object of a topology, decoded, one per id. */
export function outlines(topology: Topology, object: string): Outline[] {
  const arcs = decodeArcs(topology);
  const byId = new Map<string, Outline>();
  for (const g of topology.objects[object]?.geometries ?? []) {
    if (!g.id || !g.arcs) continue;
    const polygons =
      g.type === "Polygon"
        ? [ringsOf(g.arcs as number[][], arcs)]
        : g.type === "MultiPolygon"
          ? (g.arcs as number[][][]).map((p) => ringsOf(p, arcs))
          : [];
    // Natural Earth splits a few countries over several features (Australia and its reefs).
    const seen = byId.get(g.id);
    if (seen) seen.polygons.push(...polygons);
    else byId.set(g.id, { id: g.id, name: g.properties?.name ?? "", polygons });
  }
  return [...byId.values()];
}

/** Every polygon of an object, each on its own: the land's islands and continents (no ids). */
export function pieces(topology: Topology, object: string): Polygon[] {
  const arcs = decodeArcs(topology);
  return (topology.objects[object]?.geometries ?? []).flatMap((g) =>
    !g.arcs
      ? []
      : g.type === "Polygon"
        ? [ringsOf(g.arcs as number[][], arcs)]
        : g.type === "MultiPolygon"
          ? (g.arcs as number[][][]).map((p) => ringsOf(p, arcs))
          : [],
  );
}

/** An outline's area in square kilometres (holes subtracted). */
export function areaKm2(polygons: readonly Polygon[]): number {
  const DEGREE_KM = 111.32;
  return unwrap(polygons)
    .map(polygonCentroid)
    .reduce((sum, p) => sum + p.area * DEGREE_KM * DEGREE_KM, 0);
}

/** Whether a point lies inside an outline (even-odd over every ring, so holes are outside). */
export function containsPoint(polygons: readonly Polygon[], lat: number, lon: number): boolean {
  let inside = false;
  for (const polygon of polygons)
    for (const ring of polygon)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
  return inside;
}

/** The box around an outline, in plain longitude/latitude. */
export function boundingBox(polygons: readonly Polygon[]): {
  west: number;
  south: number;
  east: number;
  north: number;
} {
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const polygon of polygons)
    for (const [x, y] of polygon[0] ?? []) {
      west = Math.min(west, x);
      east = Math.max(east, x);
      south = Math.min(south, y);
      north = Math.max(north, y);
    }
  return { west, south, east, north };
}

/** How far, as a share of a country's breadth (the square root of its area), the landmass middle may
 * lie from the Factbook point and still replace it. */
export const OUTLINE_TRUST_SHARE = 0.09;

/**
 * A country's conventional point, from the Factbook point world-countries carries and the middle
 * of its main landmass. Encyclopedias and GeoNames keep the Factbook's whole-degree point for
 * most countries (Vietnam 16.17 N 107.83 E, Peru 10 S 76 W, even where the landmass middle lies
 * 200 km away), but moved it to the middle of the landmass for the largest countries whose
 * Factbook point sits a little off it: the United States at 40 N 100 W, not 38 N 97 W (251 km,
 * 8% of its breadth), Australia and Brazil likewise. Where the two disagree by more than
 * OUTLINE_TRUST_SHARE of the breadth, the country is an odd shape (Norway, Chile, Indonesia,
 * Malaysia) and the Factbook point stays; so does it where the outlines lack the country.
 * Measured on the GeoVirus set over all its country mentions (958, about 110 countries): Factbook
 * 620 within 161 km, landmass middle 716, the middle within 400 km of the Factbook point 804,
 * this rule 820 (the same for shares 0.09 to 0.1; 0.08 gives 651, as the United States falls
 * out; 0.15 gives 815, 0.25 gives 778). It loses the Congo, Libya and Myanmar, whose references
 * did move to the landmass middle, and wins Vietnam, the Philippines, Peru and Argentina. Over
 * all 250 countries it moves 67 from their Factbook point, mostly small ones by a few kilometres.
 * (Those figures took the middle on the plain longitude/latitude map; the middle by area on the
 * globe, polygonCentroid, moves China 110 km south and Russia 270 km, and places 873 of 959
 * country mentions within 161 km where the plain middle placed 827.)
 */
export function conventionalPoint(
  factbook: { lat: number; lon: number },
  outline: { lat: number; lon: number } | undefined,
  areaKm2: number,
): { lat: number; lon: number } {
  if (!outline) return factbook;
  const apart = distanceKm(factbook.lat, factbook.lon, outline.lat, outline.lon);
  return apart <= OUTLINE_TRUST_SHARE * Math.sqrt(Math.max(areaKm2, 0)) ? outline : factbook;
}

/** The area-weighted middle of the pieces within MAINLAND_KM of the largest. */
export function mainlandPoint(polygons: readonly Polygon[]): { lat: number; lon: number } | undefined {
  const pieces = unwrap(polygons)
    .map(polygonCentroid)
    .filter((p) => p.area > 0);
  if (pieces.length === 0) return undefined;
  const largest = pieces.reduce((a, b) => (b.area > a.area ? b : a));
  let area = 0;
  let y = 0;
  let lon = 0;
  for (const p of pieces) {
    if (distanceKm(p.lat, p.lon, largest.lat, largest.lon) > MAINLAND_KM) continue;
    area += p.area;
    y += equalAreaY(p.lat) * p.area;
    lon += p.lon * p.area;
  }
  lon /= area;
  if (lon > 180) lon -= 360;
  if (lon < -180) lon += 360;
  return { lat: round(latitudeOf(y / area)), lon: round(lon) };
}

/**
 * A polygon's centroid (holes subtracted) and its area, both taken on Lambert's cylindrical
 * equal-area projection (y = sin(lat)), so a square degree in the far north weighs what its land
 * does: in plain longitude/latitude, China's middle drifts 90 km north towards its narrow
 * northern lands. Area in square degrees at the equator.
 */
function polygonCentroid(polygon: Polygon): { lat: number; lon: number; area: number } {
  let signed = 0;
  let x = 0;
  let y = 0;
  for (const [i, ring] of polygon.entries()) {
    const r = ringMoments(ring.map(([lon, lat]) => [lon, equalAreaY(lat)] as [number, number]));
    // Whatever the winding, the outer ring adds and holes take away.
    const sign = i === 0 ? Math.sign(r.area) : -Math.sign(r.area);
    signed += sign * r.area;
    x += sign * r.x;
    y += sign * r.y;
  }
  if (signed === 0) return { lat: 0, lon: 0, area: 0 };
  return { lat: latitudeOf(y / signed), lon: x / signed, area: Math.abs(signed) };
}

const RADIANS = Math.PI / 180;

/** Lambert's y in degrees at the equator: sin(lat), scaled so a degree there is a degree. */
function equalAreaY(lat: number): number {
  return Math.sin(lat * RADIANS) / RADIANS;
}

function latitudeOf(y: number): number {
  return Math.asin(Math.max(-1, Math.min(1, y * RADIANS))) / RADIANS;
}

/** Shoelace moments of a closed ring in plain x/y. */
function ringMoments(ring: Ring): { area: number; x: number; y: number } {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    const f = x0 * y1 - x1 * y0;
    area += f;
    x += (x0 + x1) * f;
    y += (y0 + y1) * f;
  }
  area /= 2;
  return { area, x: x / 6, y: y / 6 };
}

/**
 * Fiji, Russia: pieces on both sides of the 180th meridian. Shift each piece next to the
 * largest (and each ring's points next to its first) so the middle is not taken across the globe.
 */
function unwrap(polygons: readonly Polygon[]): Polygon[] {
  const rings = polygons.map((p) => p.map((ring) => continuous(ring)));
  const sizes = rings.map((p) => Math.abs(ringMoments(p[0] ?? []).area));
  const anchor = rings[sizes.indexOf(Math.max(...sizes))]?.[0]?.[0]?.[0] ?? 0;
  return rings.map((p) => {
    const first = p[0]?.[0]?.[0] ?? anchor;
    const shift = first - anchor > 180 ? -360 : anchor - first > 180 ? 360 : 0;
    return shift ? p.map((ring) => ring.map(([x, y]) => [x + shift, y] as [number, number])) : p;
  });
}

function continuous(ring: Ring): Ring {
  const out: Ring = [];
  let previous: number | undefined;
  for (const [x, y] of ring) {
    let lon = x;
    if (previous !== undefined) {
      while (lon - previous > 180) lon -= 360;
      while (previous - lon > 180) lon += 360;
    }
    out.push([lon, y]);
    previous = lon;
  }
  return out;
}

function decodeArcs(topology: Topology): Ring[] {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    if (!t) return arc.map(([x, y]) => [x, y] as [number, number]);
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] as [number, number];
    });
  });
}

function ringsOf(rings: number[][], arcs: Ring[]): Polygon {
  return rings.map((indices) => {
    const ring: Ring = [];
    for (const index of indices) {
      const arc = index < 0 ? [...(arcs[~index] ?? [])].reverse() : (arcs[index] ?? []);
      // Consecutive arcs share their joining point.
      ring.push(...(ring.length ? arc.slice(1) : arc));
    }
    return ring;
  });
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
