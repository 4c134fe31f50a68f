// Administration: accounts and roles, CI credentials, the audit trail. Each tab is offered only to
// sessions whose roles allow it (lib/access.js); the server decides every request anyway.

import { h, replace } from '../lib/dom.js';
import { get } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { adminHome } from '../lib/access.js';
import { accountsView } from './accounts.js';
import { credentialsView } from './credentials.js';
import { auditView } from './audit.js';
import { personnelView } from './personnel.js';

const TABS = [
  ['admin/accounts', 'accounts', 'admin.accounts'],
  ['admin/credentials', 'credentials', 'admin.credentials'],
  ['admin/audit', 'audit', 'admin.audit'],
  ['admin/personnel', 'team', 'admin.personnel'], // C.1
];

export async function adminView(root, route, can) {
  // the CI credentials screen also shows the API call log, for auditors too
  const tabs = TABS.filter(([, capability]) => can[capability] || (capability === 'credentials' && can.apiCalls));
  // C.1: #/admin/personnel/KEY opens that project's team
  const personnelOf = route.startsWith('admin/personnel/') ? decodeURIComponent(route.slice('admin/personnel/'.length)) : null;
  const tabRoute = personnelOf ? 'admin/personnel' : route;
  const current = tabs.some(([r]) => r === tabRoute) ? tabRoute : adminHome(can);
  const content = h('div', { id: 'admin-content' });
  replace(root,
    h('h2', {}, t('admin.title')),
    h('nav', { class: 'tabs', 'aria-label': t('admin.title') },
      tabs.map(([r, , label]) => h('a', { href: `#/${r}`, id: `tab-${r.split('/')[1]}`, 'aria-current': r === current ? 'page' : null }, t(label)))),
    content);
  if (current === 'admin/accounts') {
    await accountsView(content, can, can.grantRoles ? (await get('projects?limit=200')).items : []);
  } else if (current === 'admin/credentials') {
    const projects = (await get('projects?limit=200')).items.filter((p) => can.credentialsIn(p.key) || can.apiCallsIn(p.key));
    await credentialsView(content, projects, can);
  } else if (current === 'admin/audit') {
    await auditView(content);
  } else if (current === 'admin/personnel') {
    const projects = (await get('projects?limit=200')).items.filter((p) => can.teamIn(p.key));
    await personnelView(content, projects, can, personnelOf);
  }
}
