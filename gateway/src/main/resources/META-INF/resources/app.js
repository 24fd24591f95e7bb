// The gateway's placeholder page: who is signed in, and whether each service answers through the
// gateway. Same origin only: the session cookie goes along, tokens never reach this script.
'use strict';

async function showUser() {
  const user = document.getElementById('user');
  try {
    const response = await fetch('/api/me', { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      user.textContent = 'Not signed in (' + response.status + ').';
      return;
    }
    const me = await response.json();
    user.textContent = 'Signed in as ' + (me.name || me.userId)
      + (me.email ? ' <' + me.email + '>' : '')
      + (me.roles && me.roles.length ? ' — roles: ' + me.roles.join(', ') : '');
  } catch (e) {
    user.textContent = 'The gateway cannot be reached.';
  }
}

async function showService(item) {
  const status = item.querySelector('.status');
  const url = item.dataset.url;
  try {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    status.textContent = url + ' → ' + response.status + (response.ok ? ' OK' : '');
    item.classList.add(response.ok ? 'ok' : 'failed');
  } catch (e) {
    status.textContent = url + ' → no answer';
    item.classList.add('failed');
  }
}

document.addEventListener('DOMContentLoaded', () => {
  showUser();
  document.querySelectorAll('#services li').forEach(showService);
});
