// Start page: shows the running version and readiness, using only the public API.
// Text is set with textContent (never innerHTML), so nothing from the server is parsed as markup.

const labels = {
  ready: { en: 'ready', zh: '就绪' },
  down: { en: 'not ready', zh: '未就绪' },
};

function show(state) {
  const status = document.getElementById('status');
  status.dataset.state = state;
  status.textContent = `${labels[state].en} / ${labels[state].zh}`;
}

async function refresh() {
  try {
    const info = await fetch('api/v1/info', { headers: { Accept: 'application/json' } });
    if (info.ok) {
      const body = await info.json();
      document.getElementById('version').textContent = body.version;
    }
    const health = await fetch('health/ready', { headers: { Accept: 'application/json' } });
    show(health.ok ? 'ready' : 'down');
  } catch (e) {
    show('down');
  }
}

refresh();
