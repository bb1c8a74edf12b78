// The locations page: the daily routine's schedule, the location form with category checkboxes, the table.
import { $, api, busy, el, showError, t, toast } from './common.js';
import { loadSchedule } from './location-schedule.js';

const CATEGORY = /^[a-z_]{1,50}$/;
const state = { locations: [], editing: null };

// ---------- helpers ----------
function numberOrNull(input) {
  const raw = input.value.trim();
  if (raw === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : raw; // the server explains what is wrong with a non-number
}


/** The label of a category as the page shows it: the checkbox text for the known ones, else the id. */
function categoryLabel(id) {
  const box = document.querySelector(`#category-list input[value="${CSS.escape(id)}"]`);
  const label = box?.closest('label')?.querySelector('.category-label');
  return label ? label.textContent : id;
}

function addCategoryOption(id, checked) {
  let box = document.querySelector(`#category-list input[value="${CSS.escape(id)}"]`);
  if (!box) {
    const option = el('label', { className: 'category-option custom' });
    box = el('input', { className: 'form-check-input', attrs: { type: 'checkbox', name: 'category', value: id } });
    option.append(box, el('span', { className: 'category-label', text: id }));
    $('category-list').appendChild(option);
  }
  box.checked = checked;
  return box;
}

// ---------- the form ----------
function formBody() {
  const categories = [...document.querySelectorAll('#category-list input[name="category"]:checked')].map((b) => b.value);
  const latitude = numberOrNull($('latitude'));
  const longitude = numberOrNull($('longitude'));
  const radius = numberOrNull($('radius'));
  return {
    city: $('city').value,
    state: $('state').value,
    country: $('country').value,
    latitude,
    longitude,
    // the radius field's placeholder is the default: without coordinates no radius is sent
    radiusMeters: latitude === null && longitude === null && radius === null ? null : radius,
    categories,
    active: $('active').checked,
  };
}

function resetForm() {
  state.editing = null;
  $('location-form').reset();
  document.querySelectorAll('#category-list .category-option.custom').forEach((n) => n.remove());
  $('active').checked = true;
  $('location-form-title').textContent = $('location-form-title').dataset.new;
  $('location-save').textContent = $('location-save').dataset.new;
  $('location-cancel').hidden = true;
  showError('location-error', '');
}

function editLocation(location) {
  resetForm();
  state.editing = location.id;
  $('city').value = location.city;
  $('state').value = location.state ?? '';
  $('country').value = location.country ?? '';
  $('latitude').value = location.latitude ?? '';
  $('longitude').value = location.longitude ?? '';
  $('radius').value = location.radiusMeters ?? '';
  document.querySelectorAll('#category-list input[name="category"]').forEach((b) => { b.checked = false; });
  location.categories.forEach((c) => addCategoryOption(c, true));
  $('active').checked = location.active;
  $('location-form-title').textContent = $('location-form-title').dataset.edit;
  $('location-save').textContent = $('location-save').dataset.edit;
  $('location-cancel').hidden = false;
  // 'instant': Bootstrap makes scrolling smooth, and a button that is still moving misses the next click
  $('location-form').scrollIntoView({ behavior: 'instant', block: 'start' });
  $('city').focus({ preventScroll: true });
}

$('custom-add').addEventListener('click', () => {
  const value = $('custom-category').value.trim().toLowerCase();
  if (!CATEGORY.test(value)) {
    showError('location-error', t('locations.customInvalid', { value: $('custom-category').value.trim() }));
    return;
  }
  showError('location-error', '');
  addCategoryOption(value, true);
  $('custom-category').value = '';
  $('custom-category').focus();
});
$('custom-category').addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    $('custom-add').click();
  }
});

$('location-cancel').addEventListener('click', resetForm);

$('location-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError('location-error', '');
  await busy($('location-save'), async () => {
    try {
      const editing = state.editing;
      const saved = editing === null
        ? await api('/api/locations', { method: 'POST', body: formBody() })
        : await api(`/api/locations/${editing}`, { method: 'PUT', body: formBody() });
      toast(t(editing === null ? 'locations.saved' : 'locations.updated', { city: saved.city }), 'success');
      resetForm();
      await loadLocations();
    } catch (e) {
      showError('location-error', e.message);
      toast(e.message, 'error');
    }
  });
});

// ---------- the table ----------
function actionButton(text, className, onClick) {
  const button = el('button', { className: `btn btn-small ${className}`, text, attrs: { type: 'button' } });
  button.addEventListener('click', () => onClick(button));
  return button;
}

async function toggleActive(location, button) {
  await busy(button, async () => {
    try {
      const { id, ...fields } = location;
      const saved = await api(`/api/locations/${id}`, { method: 'PUT', body: { ...fields, active: !location.active } });
      toast(t(saved.active ? 'locations.activated' : 'locations.deactivated', { city: saved.city }), 'success');
      await loadLocations();
    } catch (e) {
      toast(e.message, 'error');
    }
  });
}

async function deleteLocation(location, button) {
  if (!window.confirm(t('locations.confirmDelete', { city: location.city }))) return;
  await busy(button, async () => {
    try {
      await api(`/api/locations/${location.id}`, { method: 'DELETE' });
      if (state.editing === location.id) resetForm();
      toast(t('locations.deleted', { city: location.city }), 'success');
      await loadLocations();
    } catch (e) {
      toast(e.message, 'error');
    }
  });
}

function renderLocations() {
  const body = $('locations-body');
  body.replaceChildren();
  for (const location of state.locations) {
    const row = el('tr', { className: location.active ? 'location' : 'location inactive', attrs: { 'data-id': location.id } });
    row.appendChild(el('td', { className: 'city', text: location.city }));
    row.appendChild(el('td', { text: [location.state, location.country].filter(Boolean).join(', ') }));
    row.appendChild(el('td', {
      text: location.latitude === null
        ? t('locations.noCircle')
        : t('locations.circle', { radius: location.radiusMeters, lat: location.latitude, lng: location.longitude }),
    }));
    const categories = el('td', { className: 'categories-cell' });
    for (const c of location.categories) {
      categories.appendChild(el('span', { className: 'category-chip', text: categoryLabel(c), attrs: { title: c } }));
    }
    row.appendChild(categories);
    row.appendChild(el('td', {
      className: 'status',
      text: location.active ? t('locations.active') : t('locations.inactive'),
    }));
    const actions = el('td', { className: 'row-actions' });
    actions.append(
      actionButton(t('locations.edit'), 'btn-secondary edit-button', () => editLocation(location)),
      actionButton(location.active ? t('locations.deactivate') : t('locations.activate'), 'btn-secondary toggle-button',
        (b) => toggleActive(location, b)),
      actionButton(t('locations.delete'), 'btn-secondary delete-button', (b) => deleteLocation(location, b)),
    );
    row.appendChild(actions);
    body.appendChild(row);
  }
  $('locations-empty').hidden = state.locations.length > 0;
  $('locations-table').hidden = state.locations.length === 0;
  $('locations-count').textContent = t(state.locations.length === 1 ? 'locations.countOne' : 'locations.count', {
    count: state.locations.length,
    active: state.locations.filter((l) => l.active).length,
  });
}

async function loadLocations() {
  try {
    state.locations = await api('/api/locations');
    renderLocations();
  } catch (e) {
    toast(t('locations.loadFailed', { error: e.message }), 'error');
  }
}

loadSchedule();
loadLocations();
