// Which municipality a page shows. A page under a municipality's slug (/flen/, /flen/uppfoljning) has
// it on its root element (data-municipality, set by the server): every API call then asks for that
// municipality, and links to the public pages stay under the slug. Without it (/, /uppfoljning…)
// the server answers for the installation's default municipality, as every address of before.

/** The slug of the page's municipality, or null for the default one. */
export const municipality = document.documentElement.dataset.municipality || null;

/** An API address asking for the page's municipality (unchanged without one). */
export function scoped(url) {
  if (!municipality || !url.startsWith('/api/') || /[?&]municipality=/.test(url)) return url;
  return `${url}${url.includes('?') ? '&' : '?'}municipality=${encodeURIComponent(municipality)}`;
}

/**
 * The address of a public page ('/', '/uppfoljning?period=2021', '/?atgard=3', '/vandring?id=2')
 * under the page's municipality: '/flen/uppfoljning?period=2021'.
 */
export function local(path) {
  return municipality ? `/${municipality}${path}` : path;
}

/** The address of a municipality's own map page. */
export function municipalityHref(slug) {
  return `/${encodeURIComponent(slug)}/`;
}
