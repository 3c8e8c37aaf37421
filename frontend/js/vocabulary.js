// The closed vocabularies of the API, in the order the pages show them.
export const MEASURE_STATUSES = ['in_progress', 'planned', 'done', 'proposed', 'rejected'];
export const MEASURE_TYPES = ['lighting', 'vegetation', 'camera', 'bike_rack', 'patrol', 'safety_hosts',
  'youth_meeting_place', 'campaign', 'other'];
export const OWNERS = ['municipality', 'police', 'joint', 'property_owner'];
export const PLACE_REASONS = ['poor_lighting', 'overgrown_vegetation', 'crime_exposed', 'gathering_place',
  'poor_visibility', 'vandalism', 'traffic', 'other'];
export const PLACE_SOURCES = ['safety_walk', 'survey', 'dialogue', 'police', 'resident', 'other'];
export const PLACE_STATUSES = ['open', 'being_addressed', 'resolved'];

/** Colours of places by status on the map: each has at least 3:1 contrast to a light map. */
export const PLACE_COLOURS = { open: '#b3261e', being_addressed: '#8a5300', resolved: '#1e6b34' };

// The page's import map names each icon's hashed URL (cached for a year); without one, the plain URL.
export function iconUrl(type) {
  return import.meta.resolve(`/icons/${type}.svg`);
}
