// What the UI offers to whom, read from the session's roles. A hint for the screens only: the
// server checks every request against identity/…/access/PermissionMatrix.java and refuses the
// rest, so a drift here can hide a button or show one the server refuses, never grant anything.

const GLOBAL = {
  ADMINISTRATOR: ['accounts', 'createAccount', 'grantRoles', 'credentials'],
  SECURITY_ADMINISTRATOR: ['accounts', 'grantRoles', 'credentials', 'audit', 'findings'],
  AUDITOR: ['accounts', 'audit', 'findings'],
};

const PROJECT = {
  PROJECT_OWNER: ['credentials', 'findings', 'import'],
  DEVELOPER: ['findings', 'import'],
  TESTER: ['findings', 'import'],
  SECURITY_REVIEWER: ['findings', 'import'],
};

export const GLOBAL_ROLES = Object.keys(GLOBAL);
// CI_SERVICE is given to a service account when it is created (Administration → CI credentials).
export const PROJECT_ROLES = Object.keys(PROJECT);

export function access(session) {
  const global = new Set((session?.globalRoles || []).flatMap((role) => GLOBAL[role] || []));
  const perProject = Object.entries(session?.projectRoles || {})
    .map(([project, roles]) => [project, new Set(roles.flatMap((role) => PROJECT[role] || []))]);
  const anywhere = (what) => global.has(what) || perProject.some(([, set]) => set.has(what));
  return {
    enrolmentOnly: Boolean(session?.mustEnrolSecondFactor),
    findings: anywhere('findings'),
    import: anywhere('import'),
    accounts: global.has('accounts'),
    createAccount: global.has('createAccount'),
    grantRoles: global.has('grantRoles'),
    audit: global.has('audit'),
    credentials: anywhere('credentials'),
    /** Whether CI credentials of this project may be managed. */
    credentialsIn: (project) => global.has('credentials') || perProject.some(([p, set]) => p === project && set.has('credentials')),
    get admin() {
      return this.accounts || this.audit || this.credentials;
    },
  };
}

/** The first administration screen this session may see, or null. */
export function adminHome(can) {
  if (can.accounts) return 'admin/accounts';
  if (can.credentials) return 'admin/credentials';
  if (can.audit) return 'admin/audit';
  return null;
}

/** Where a session starts: its work (findings), else administration, else its account. */
export function home(can) {
  if (can.enrolmentOnly) return 'account';
  if (can.findings) return 'findings';
  return adminHome(can) || 'account';
}
