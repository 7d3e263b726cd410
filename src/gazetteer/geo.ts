// Great-circle helpers for placing "13 kilometers northeast of Mosul" and measuring errors.

const EARTH_RADIUS_KM = 6371;
const RAD = Math.PI / 180;

/** Compass bearings in degrees, the 16-point rose plus the words reporters use. */
export const BEARING_DEGREES: Record<string, number> = {
  N: 0,
  NNE: 22.5,
  NE: 45,
  ENE: 67.5,
  E: 90,
  ESE: 112.5,
  SE: 135,
  SSE: 157.5,
  S: 180,
  SSW: 202.5,
  SW: 225,
  WSW: 247.5,
  W: 270,
  WNW: 292.5,
  NW: 315,
  NNW: 337.5,
};

export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const a =
    Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 +
    Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lon2 - lon1) * RAD) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, a)));
}

/** The point `km` away from (lat, lon) along `bearing` ("NE"): "50 km south of Mosul". */
export function destination(
  lat: number,
  lon: number,
  km: number,
  bearing: string,
): { lat: number; lon: number } {
  const theta = (BEARING_DEGREES[bearing] ?? 0) * RAD;
  const delta = km / EARTH_RADIUS_KM;
  const phi1 = lat * RAD;
  const lambda1 = lon * RAD;
  const phi2 = Math.asin(
    Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta),
  );
  const lambda2 =
    lambda1 +
    Math.atan2(
      Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
      Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2),
    );
  return { lat: round(phi2 / RAD), lon: round((((lambda2 / RAD + 540) % 360) - 180) as number) };
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
