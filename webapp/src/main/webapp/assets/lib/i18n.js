// zh-CN and English: the default follows the browser, the choice is remembered (issue 8).

const texts = {
  'app.tagline': ['Secure development lifecycle governance', '安全开发生命周期治理平台'],
  'nav.findings': ['Findings', '发现项'],
  'nav.import': ['Import a report', '导入报告'],
  'nav.logout': ['Log out', '退出登录'],
  'nav.language': ['中文', 'English'],
  'login.title': ['Log in', '登录'],
  'login.name': ['Login name', '登录名'],
  'login.password': ['Password', '密码'],
  'login.otp': ['Authenticator code or recovery code', '动态验证码或恢复码'],
  'login.submit': ['Log in', '登录'],
  'login.previous': ['Previous login: {0} from {1}; failed attempts since: {2}', '上次登录：{0}，来自 {1}；此后失败尝试：{2} 次'],
  'login.first': ['This is the first login of this account.', '这是该账户的首次登录。'],
  'password.title': ['Choose a new password', '设置新密码'],
  'password.current': ['Current password', '当前密码'],
  'password.new': ['New password (at least 12 characters)', '新密码（至少 12 个字符）'],
  'password.submit': ['Change password', '修改密码'],
  'findings.project': ['Project', '项目'],
  'findings.severity': ['Severity', '严重程度'],
  'findings.state': ['State', '状态'],
  'findings.text': ['Text', '文本'],
  'findings.sort': ['Sort', '排序'],
  'findings.filter': ['Apply', '筛选'],
  'findings.more': ['Load more', '加载更多'],
  'findings.none': ['No findings match.', '没有符合条件的发现项。'],
  'findings.title': ['Finding', '发现项'],
  'findings.location': ['Location', '位置'],
  'findings.due': ['Due', '到期'],
  'findings.breached': ['SLA breached', '已超出时限'],
  'findings.any': ['any', '全部'],
  'findings.open': ['open', '未关闭'],
  'sort.severity': ['most severe first', '严重程度优先'],
  'sort.due': ['earliest due date', '最早到期'],
  'sort.newest': ['newest', '最新'],
  'detail.occurrences': ['Occurrences (latest import)', '出现位置（最近一次导入）'],
  'detail.history': ['History', '历史'],
  'detail.reason': ['Reason', '理由'],
  'detail.created': ['created by import', '由导入创建'],
  'triage.confirm': ['Confirm', '确认'],
  'triage.mark-fixed': ['Mark fixed', '标记为已修复'],
  'triage.request-false-positive': ['Request false positive', '申请误报'],
  'triage.done': ['Saved.', '已保存。'],
  'import.release': ['Release', '发布版本'],
  'import.scanner': ['Scanner', '扫描器'],
  'import.category': ['Category (optional)', '类别（可选）'],
  'import.commit': ['Commit (optional)', '提交（可选）'],
  'import.file': ['Report file', '报告文件'],
  'import.submit': ['Upload', '上传'],
  'import.running': ['Importing…', '正在导入…'],
  'import.result': ['Imported: {0} created, {1} unchanged, {2} closed, {3} reopened, {4} verified.',
    '已导入：新增 {0}，未变 {1}，关闭 {2}，重新打开 {3}，已验证 {4}。'],
  'import.none': ['No release yet: open one through the API first.', '尚无发布版本：请先通过接口创建。'],
  'nav.scan': ['White-box scan', '白盒扫描'],
  'scan.artifact': ['Build artifact (jar, war, ear or zip of classes)', '构建制品（类文件的 jar、war、ear 或 zip）'],
  'scan.start': ['Start the scan', '开始扫描'],
  'scan.result': ['{0} classes analysed, {1} findings reported; see Findings.', '已分析 {0} 个类，报告 {1} 个发现项；请查看“发现项”。'],
  'scan.state.QUEUED': ['Queued…', '排队中…'],
  'scan.state.RUNNING': ['Scanning…', '扫描中…'],
  'scan.state.SUCCEEDED': ['Done.', '已完成。'],
  'scan.state.FAILED': ['Failed:', '失败：'],
  'scan.state.CANCELLED': ['Cancelled.', '已取消。'],
  'scan.state.TIMED_OUT': ['Timed out.', '已超时。'],
  'error.network': ['The server cannot be reached.', '无法连接服务器。'],
};

const stored = localStorage.getItem('gatehouse.lang');
let current = stored === 'zh' || stored === 'en' ? stored : (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';

export function lang() {
  return current;
}

export function setLang(value) {
  current = value === 'zh' ? 'zh' : 'en';
  localStorage.setItem('gatehouse.lang', current);
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
}

export function t(key, ...args) {
  const pair = texts[key];
  const text = pair ? pair[current === 'zh' ? 1 : 0] : key;
  return text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

export function dateTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(current === 'zh' ? 'zh-CN' : 'en-GB');
}

setLang(current);
