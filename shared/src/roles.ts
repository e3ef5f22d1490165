// Staff roles (PLAT-3). The zh-CN labels are the words the desktop shows.
export const ROLES = [
  'agent',
  'team_lead',
  'duty_lead',
  'qa',
  'admin',
  'data_maintenance',
  'dept_supervisor',
  'dept_handler',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { 'zh-CN': string; 'en-US': string }> = {
  agent: { 'zh-CN': '业务代表', 'en-US': 'Agent' },
  team_lead: { 'zh-CN': '班长', 'en-US': 'Team lead' },
  duty_lead: { 'zh-CN': '值班长', 'en-US': 'Duty lead' },
  qa: { 'zh-CN': '质检', 'en-US': 'QA inspector' },
  admin: { 'zh-CN': '系统管理', 'en-US': 'Administrator' },
  data_maintenance: { 'zh-CN': '资料维护', 'en-US': 'Data maintenance' },
  dept_supervisor: { 'zh-CN': '部门主管', 'en-US': 'Department supervisor' },
  dept_handler: { 'zh-CN': '业务处理后台', 'en-US': 'Department handler' },
};

/** Roles that work inside one department and may only see that department's objects. */
export const DEPARTMENT_SCOPED_ROLES: readonly Role[] = ['dept_supervisor', 'dept_handler'];
