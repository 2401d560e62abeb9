import type { FastifyRequest } from 'fastify';
import { deviceErrors } from './device-errors.ts';

/** Field names that carry where a device is (DEV-4), compared without case, `_` or `-`. */
const LOCATION_NAMES = new Set([
  'latitude',
  'longitude',
  'lat',
  'lon',
  'lng',
  'location',
  'gps',
  'coordinates',
  'coords',
  'geo',
  'geolocation',
  'position',
  'altitude',
  'accuracy',
]);

const isLocationName = (name: string) => LOCATION_NAMES.has(name.toLowerCase().replace(/[_-]/g, ''));

/** The path of the first location field at any depth, as `problems.0.location`, or null. */
export function locationField(body: unknown): string | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value: body, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: string };
    if (value === null || typeof value !== 'object') continue;
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && isLocationName(key)) return childPath;
      stack.push({ value: child, path: childPath });
    }
  }
  return null;
}

/**
 * A preValidation hook: a body with location is refused before the schema looks at it and
 * before anything is written or logged, so the answer names the location and not some other fault.
 */
export async function refuseLocation(request: FastifyRequest): Promise<void> {
  const field = locationField(request.body);
  if (field) throw deviceErrors.locationRefused(field);
}
