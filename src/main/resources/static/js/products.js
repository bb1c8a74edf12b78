// The page „Produkte": the catalogue as a table, a form that adds or edits one product, deleting.
import { $, api, busy, el, link, may, showError, t, toast } from './common.js';

const state = { editing: null };
const lang = () => document.documentElement.lang || 'de';

/** „1.234,50" or „1234.5" → 1234.5; empty → null; anything else goes to the server, which explains it. */
function parsePrice(raw) {
  const text = raw.trim();
  if (text === '') return null;
  const normalised = /,\d{1,2}$/.test(text) ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  const value = Number(normalised);
  return Number.isFinite(value) ? value : text;
}

function formatPrice(price) {
  if (price === null || price === undefined) return t('products.onRequest');
  return new Intl.NumberFormat(lang(), { style: 'currency', currency: 'EUR' }).format(price);
}


function edit(product) {
  state.editing = product;
  const title = $('product-form-title');
  const save = $('product-save');
  title.textContent = product ? title.dataset.edit : title.dataset.new;
  save.textContent = product ? save.dataset.edit : save.dataset.new;
  $('product-cancel').hidden = !product;
  $('product-name').value = product?.name ?? '';
  $('product-price').value = product?.price === null || product?.price === undefined
    ? '' : new Intl.NumberFormat(lang(), { minimumFractionDigits: 2, useGrouping: false }).format(product.price);
  $('product-url').value = product?.url ?? '';
  $('product-description').value = product?.description ?? '';
  showError('product-error', '');
  if (product) $('product-name').focus();
}

function row(product) {
  const tr = el('tr', { className: 'product', attrs: { 'data-id': product.id } });
  const urlCell = el('td', { className: 'url' });
  if (product.url) urlCell.append(link(product.url, product.url));
  const actions = el('td', { className: 'actions needs-member' });
  if (may('MEMBER')) {
    const change = el('button', { className: 'btn btn-secondary btn-small product-edit', text: t('products.edit'), attrs: { type: 'button' } });
    change.addEventListener('click', () => edit(product));
    const remove = el('button', { className: 'btn btn-secondary btn-small product-delete', text: t('products.delete'), attrs: { type: 'button' } });
    remove.addEventListener('click', () => removeProduct(remove, product));
    actions.append(change, ' ', remove);
  }
  tr.append(
    el('td', { className: 'name', text: product.name }),
    el('td', { className: 'price', text: formatPrice(product.price) }),
    urlCell,
    el('td', { className: 'description', text: product.description ?? '' }),
    actions,
  );
  return tr;
}

async function load() {
  try {
    const products = await api('/api/products');
    $('products-body').replaceChildren(...products.map(row));
    $('products-empty').hidden = products.length > 0;
  } catch (e) {
    toast(e.message, 'error');
  }
}

async function save(button) {
  showError('product-error', '');
  const body = {
    name: $('product-name').value,
    price: parsePrice($('product-price').value),
    url: $('product-url').value,
    description: $('product-description').value,
  };
  await busy(button, async () => {
    try {
      const editing = state.editing;
      const product = editing
        ? await api(`/api/products/${editing.id}`, { method: 'PUT', body })
        : await api('/api/products', { method: 'POST', body });
      toast(t('products.saved', { name: product.name }), 'success');
      edit(null);
      await load();
    } catch (e) {
      showError('product-error', e.message);
      toast(e.message, 'error');
    }
  });
}

async function removeProduct(button, product) {
  if (!window.confirm(t('products.confirmDelete', { name: product.name }))) return;
  await busy(button, async () => {
    try {
      await api(`/api/products/${product.id}`, { method: 'DELETE' });
      toast(t('products.deleted', { name: product.name }), 'success');
      if (state.editing?.id === product.id) edit(null);
      await load();
    } catch (e) {
      toast(e.message, 'error');
    }
  });
}

$('product-form').addEventListener('submit', (event) => {
  event.preventDefault();
  save($('product-save'));
});
$('product-cancel').addEventListener('click', () => edit(null));
load();
