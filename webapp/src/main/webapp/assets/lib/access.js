// What the UI offers to whom, read from the session's roles. A hint for the screens only: the
// server checks every request against identity/…/access/PermissionMatrix.java and refuses the
// rest, so a drift here can hide a button or show one the server refuses, never grant anything.

const GLOBAL = {
  ADMINISTRATOR: ['accounts', 'createAccount', 'grantRoles', 'credentials', 'releases'],
  SECURITY_ADMINISTRATOR: ['accounts', 'grantRoles', 'credentials', 'audit', 'findings', 'releases', 'waive', 'licencePolicy',
    'compliance', 'personnel', 'personnelAdmin', 'team'],
  AUDITOR: ['accounts', 'audit', 'findings', 'releases', 'apiCalls', 'webhooks', 'compliance', 'personnel', 'team'],
};

const PROJECT = {
  // releases: RELEASE_READ, releaseCreate: RELEASE_CREATE, advance: RELEASE_ADVANCE (forward, back,
  // activities), approve: RELEASE_APPROVE (releasing and cancelling), waive: GATE_WAIVE,
  // requirements: REQUIREMENT_EDIT (requirements, the risk assessment, design recommendations),
  // signOff: SIGN_OFF, test: FINDING_VERIFY (manual test cases and executions), conclude:
  // AUDIT_CONCLUDE (the Security Audit Report's conclusion), apiCalls: API_CALL_READ,
  // webhooks: WEBHOOK_READ (webhooks and their delivery log), webhookAdmin: WEBHOOK_ADMIN, tracker:
  // TRACKER_ADMIN (the project's issue-tracker connection), fileIssues: TRACKER_LINK (file findings as issues),
  // licencePolicy: INVENTORY_MANAGE (the project's licence allow/deny lists, C.4)
  PROJECT_OWNER: ['credentials', 'findings', 'import', 'releases', 'releaseCreate', 'advance', 'approve', 'requirements', 'signOff',
    'apiCalls', 'webhooks', 'webhookAdmin', 'tracker', 'fileIssues', 'licencePolicy', 'compliance', 'team'],
  DEVELOPER: ['findings', 'import', 'releases', 'advance', 'requirements', 'signOff', 'fileIssues'],
  TESTER: ['findings', 'import', 'releases', 'advance', 'requirements', 'signOff', 'test', 'fileIssues'],
  SECURITY_REVIEWER: ['findings', 'import', 'releases', 'advance', 'approve', 'requirements', 'signOff', 'test', 'conclude',
    'fileIssues', 'compliance'],
};

// issue 4 (B.1.3.1-ih): triage: FINDING_TRIAGE (triage, bulk triage), decideFindings: FINDING_APPROVE (the four-eyes
// decision on dismissal requests, single and bulk; the server also refuses one's own request)
Object.entries({
  PROJECT_OWNER: ['triage'],
  DEVELOPER: ['triage'],
  TESTER: ['triage'],
  SECURITY_REVIEWER: ['triage', 'decideFindings'],
}).forEach(([role, extra]) => (GLOBAL[role] || PROJECT[role]).push(...extra));

// issue 9 (C.2, 8.5.2, C.4): environments: ENVIRONMENT_READ (environments, devices, production keys),
// environmentAdmin: ENVIRONMENT_ADMIN, sourceAccess: SOURCE_ACCESS_READ, sourceAccessRequest:
// SOURCE_ACCESS_REQUEST, sourceAccessApprove: SOURCE_ACCESS_APPROVE
Object.entries({
  SECURITY_ADMINISTRATOR: ['environments', 'sourceAccess'],
  AUDITOR: ['environments', 'sourceAccess'],
  PROJECT_OWNER: ['environments', 'environmentAdmin', 'sourceAccess', 'sourceAccessRequest', 'sourceAccessApprove'],
  DEVELOPER: ['sourceAccess', 'sourceAccessRequest'],
  TESTER: ['sourceAccess', 'sourceAccessRequest'],
  SECURITY_REVIEWER: ['sourceAccess', 'sourceAccessRequest'],
}).forEach(([role, extra]) => (GLOBAL[role] || PROJECT[role]).push(...extra));

// issues 6 and 8 (ADR 0023, ADR 0024): workflowAdmin: WORKFLOW_ADMIN (publish a workflow definition version;
// WORKFLOW_READ is every person's), documentWrite: DOCUMENT_WRITE (upload documents, add versions, archive)
Object.entries({
  SECURITY_ADMINISTRATOR: ['workflowAdmin'],
  PROJECT_OWNER: ['documentWrite'],
  DEVELOPER: ['documentWrite'],
  SECURITY_REVIEWER: ['documentWrite'],
}).forEach(([role, extra]) => (GLOBAL[role] || PROJECT[role]).push(...extra));

export const GLOBAL_ROLES = Object.keys(GLOBAL);
// CI_SERVICE is given to a service account when it is created (Administration → CI credentials); it
// holds RELEASE_ADVANCE_SCAN (the CI-scoped advance) through the token scope releases:advance-scan only.
export const PROJECT_ROLES = Object.keys(PROJECT);

export function access(session) {
  const global = new Set((session?.globalRoles || []).flatMap((role) => GLOBAL[role] || []));
  const perProject = Object.entries(session?.projectRoles || {})
    .map(([project, roles]) => [project, new Set(roles.flatMap((role) => PROJECT[role] || []))]);
  const anywhere = (what) => global.has(what) || perProject.some(([, set]) => set.has(what));
  const within = (what, project) => global.has(what) || perProject.some(([p, set]) => p === project && set.has(what));
  return {
    enrolmentOnly: Boolean(session?.mustEnrolSecondFactor),
    findings: anywhere('findings'),
    /** Whether findings of this project may be triaged, one or many at a time (FINDING_TRIAGE). */
    triageIn: (project) => within('triage', project),
    /** Whether dismissal requests may be decided somewhere / in this project (FINDING_APPROVE: security reviewers). */
    decideFindings: anywhere('decideFindings'),
    decideFindingsIn: (project) => within('decideFindings', project),
    import: anywhere('import'),
    accounts: global.has('accounts'),
    createAccount: global.has('createAccount'),
    grantRoles: global.has('grantRoles'),
    audit: global.has('audit'),
    credentials: anywhere('credentials'),
    /** Whether some project's API call log may be read (owners, auditors): the CI credentials screen shows it. */
    apiCalls: anywhere('apiCalls'),
    /** Whether some project's webhooks and delivery log may be read (owners, auditors). */
    webhooks: anywhere('webhooks'),
    /** Whether this project's webhooks and delivery log may be read (owners, auditors; the integrations screen). */
    webhooksIn: (project) => within('webhooks', project),
    /** Whether this project's webhooks may be created, changed, removed and redelivered (owners). */
    webhookAdminIn: (project) => within('webhookAdmin', project),
    /** Whether CI credentials of this project may be managed. */
    credentialsIn: (project) => within('credentials', project),
    releases: anywhere('releases'),
    /** The portfolio (GET portfolio): people with a role in a project, and global readers of findings. */
    portfolio: anywhere('releases') && (anywhere('findings') || perProject.length > 0),
    /** Whether a release may be opened in this project. */
    createReleaseIn: (project) => within('releaseCreate', project),
    /** Whether a release of this project may be advanced, sent back, and its activities completed. */
    advanceIn: (project) => within('advance', project),
    /** Whether a release of this project may be released or cancelled (with advanceIn). */
    approveIn: (project) => within('approve', project),
    /** Whether a release's requirements and risk assessment may be written in this project. */
    editRequirementsIn: (project) => within('requirements', project),
    /** Whether sign-offs may be given in this project (each in a role held there: rolesIn). */
    signOffIn: (project) => within('signOff', project),
    /** Whether the project's issue-tracker connection may be managed (project owners). */
    trackerIn: (project) => within('tracker', project),
    /** Whether findings of this project may be filed as issues in its tracker. */
    fileIssuesIn: (project) => within('fileIssues', project),
    /** Whether manual test cases may be written and executed in this project (testers, security reviewers). */
    testIn: (project) => within('test', project),
    /** Whether the Security Audit Report's conclusion may be written in this project (security reviewers). */
    concludeIn: (project) => within('conclude', project),
    /** Whether the pre-production checklist may be checked in this project (owners, security reviewers). */
    checkPreProductionIn: (project) => within('approve', project),
    /** Whether the project's licence policy may be changed (owners, security administrators; C.4). */
    licencePolicyIn: (project) => within('licencePolicy', project),
    /** Whether the project's compliance matrix may be read (COMPLIANCE_READ: owners, security reviewers and administrators, auditors). */
    complianceIn: (project) => within('compliance', project),
    /** Whether the project's API call log may be read (owners, auditors). */
    apiCallsIn: (project) => within('apiCalls', project),
    /** The roles the session holds in this project (as the session read them at login). */
    rolesIn: (project) => [...(session?.projectRoles?.[project] || [])],
    /** Whether failing gates may be waived (security administrators). */
    waive: global.has('waive'),
    /** Source access (C.4): whether some project's grants may be read; read, asked for, decided in this project. */
    sourceAccess: anywhere('sourceAccess'),
    sourceAccessIn: (project) => within('sourceAccess', project),
    sourceAccessRequestIn: (project) => within('sourceAccessRequest', project),
    sourceAccessApproveIn: (project) => within('sourceAccessApprove', project),
    /** C.1 — personnel: a person's register entry (PERSONNEL_READ globally: security administrators, auditors). */
    personnel: global.has('personnel'),
    /** C.1 — personnelAdmin: record vetting and trainings (PERSONNEL_ADMIN: security administrators). */
    personnelAdmin: global.has('personnelAdmin'),
    /** C.1 — team: some project's team may be read (PERSONNEL_READ: also project owners). */
    team: anywhere('team'),
    /** C.1 — this project's team may be read. */
    teamIn: (project) => within('team', project),
    /** Workflow definitions (ADR 0023): every person reads them (WORKFLOW_READ); security administrators publish. */
    workflows: Boolean(session) && !session.mustEnrolSecondFactor,
    workflowAdmin: global.has('workflowAdmin'),
    /** Uploaded documents (ADR 0024): whether documents may be uploaded, versioned and archived in this project. */
    documentWriteIn: (project) => within('documentWrite', project),
    get admin() {
      return this.accounts || this.audit || this.credentials || this.apiCalls || this.team;
    },
  };
}

/** The first administration screen this session may see, or null. */
export function adminHome(can) {
  if (can.accounts) return 'admin/accounts';
  if (can.credentials) return 'admin/credentials';
  if (can.audit) return 'admin/audit';
  if (can.apiCalls) return 'admin/credentials';
  if (can.team) return 'admin/personnel';
  return null;
}

/** Where a session starts: its portfolio, else its findings, else administration, else its account. */
export function home(can) {
  if (can.enrolmentOnly) return 'account';
  if (can.portfolio) return 'portfolio';
  if (can.findings) return 'findings';
  return adminHome(can) || 'account';
}
