// "Kommuner" (installation admins only): every municipality of the installation with links to its own
// admin page and map, and a form for a new one (name, slug, municipality code, extent). Its districts,
// settings and accounts are then made on its own admin page.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';
import { field, showErrors } from '../forms/fields.js';
import { municipalityHref } from '../municipality.js';

const number = (attributes) => el('input', { type: 'number', step: 'any', ...attributes });

function createForm(page, reload) {
  const fields = {
    name: field('name', t('admin.name'), el('input', { type: 'text', maxlength: 100, autocomplete: 'off' }), { required: true }),
    slug: field('slug', t('admin.municipalitySlug'), el('input', {
      type: 'text', maxlength: 60, autocomplete: 'off', pattern: '[a-z0-9]+(-[a-z0-9]+)*',
    }), { required: true }),
    code: field('code', t('admin.municipalityCode'), el('input', {
      type: 'text', inputmode: 'numeric', maxlength: 4, pattern: '[0-9]{4}', autocomplete: 'off',
    })),
  };
  const corners = {
    minLon: field('minLon', t('admin.minLon'), number({ min: -180, max: 180 }), { required: true }),
    minLat: field('minLat', t('admin.minLat'), number({ min: -90, max: 90 }), { required: true }),
    maxLon: field('maxLon', t('admin.maxLon'), number({ min: -180, max: 180 }), { required: true }),
    maxLat: field('maxLat', t('admin.maxLat'), number({ min: -90, max: 90 }), { required: true }),
  };
  const extentError = el('p', { class: 'field-error', id: 'new-municipality-extent-error', hidden: true });
  const all = { ...fields, extent: { input: null, error: extentError } };
  const summary = el('div', { class: 'form-errors', role: 'alert', tabindex: '-1', hidden: true });
  const value = (f) => (f.input.value === '' ? null : Number(f.input.value));
  const form = el('form', { class: 'edit-form', id: 'new-municipality', novalidate: true },
    el('h3', {}, t('admin.newMunicipality')),
    summary, fields.name.node, fields.slug.node,
    el('p', { class: 'hint' }, t('admin.municipalitySlugHint')),
    fields.code.node,
    el('fieldset', { 'aria-describedby': extentError.id },
      el('legend', {}, t('admin.extent')),
      el('p', {}, t('admin.extentHelp')),
      el('div', { class: 'columns' }, Object.values(corners).map((f) => f.node)), extentError),
    el('button', { type: 'submit', class: 'button', dataset: { action: 'create-municipality' } }, t('admin.createMunicipality')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const slug = fields.slug.input.value.trim();
    try {
      await api.createMunicipality({
        name: fields.name.input.value,
        slug,
        code: fields.code.input.value.trim() || null,
        extent: [value(corners.minLon), value(corners.minLat), value(corners.maxLon), value(corners.maxLat)],
      });
      await reload(t('admin.municipalityCreated', { name: fields.name.input.value }), slug);
    } catch (error) {
      showErrors(summary, all, error);
    }
  });
  return form;
}

/** The section, or null for admins of single municipalities (who cannot create any). */
export async function municipalitiesSection(page) {
  if (!page.me.grants?.includes('admin@*')) return null;
  const section = el('section', { class: 'admin-section', 'aria-labelledby': 'municipalities-heading', id: 'municipalities' });

  async function draw(message, created) {
    const { municipalities } = await api.municipalities({ fresh: Boolean(created) });
    replace(section,
      el('h2', { id: 'municipalities-heading', tabindex: '-1' }, t('admin.municipalities')),
      el('p', {}, t('admin.municipalitiesIntro')),
      el('div', { class: 'table-scroll' }, el('table', { class: 'list', id: 'municipalities-table' },
        el('thead', {}, el('tr', {}, ...['admin.name', 'admin.municipalitySlug', 'admin.municipalityCode', 'admin.actions']
          .map((key) => el('th', { scope: 'col' }, t(key))))),
        el('tbody', {}, municipalities.map((m) => el('tr', { dataset: { municipality: m.slug } },
          el('th', { scope: 'row' }, m.name, m.default ? ` ${t('admin.defaultMunicipality')}` : null),
          el('td', {}, m.slug),
          el('td', {}, m.code ?? '–'),
          el('td', {},
            el('a', { href: `/${encodeURIComponent(m.slug)}/admin`, 'aria-label': t('admin.administerNamed', { name: m.name }) },
              t('admin.administer')),
            ' ',
            el('a', { href: municipalityHref(m.slug), 'aria-label': t('admin.mapNamed', { name: m.name }) }, t('admin.map')))))))),
      createForm(page, draw));
    if (message) {
      page.announce(message);
      section.querySelector(`tr[data-municipality="${CSS.escape(created)}"] a`)?.focus();
    }
  }

  await draw();
  return section;
}
