import type { Role } from '@switchboard/shared';

// The demo call centre seeded on the first start with an empty database (README lists the
// accounts). DEMO ONLY: every account shares one published password.
export const DEMO_PASSWORD = 'Demo@2026';
export const CENTER_NAME = '示例客服中心';

export const AREAS = [
  { code: 'EAST', name: '东区' },
  { code: 'WEST', name: '西区' },
  { code: 'SOUTH', name: '南区' },
];

export const DEPARTMENTS = [
  { code: 'CC', name: '客服中心' },
  { code: 'NETOPS', name: '网络维护部' },
  { code: 'BILLING', name: '计费结算部' },
  { code: 'MARKET', name: '市场营销部' },
  { code: 'QUALITY', name: '服务质量部' },
];

export const SKILL_GROUPS = [
  { code: 'GENERAL', name: '综合', isComprehensive: true, accessCodes: ['1000', '114'] },
  { code: 'BILL', name: '话费查询', isComprehensive: false, accessCodes: ['10000'] },
  { code: 'FAULT', name: '故障报修', isComprehensive: false, accessCodes: ['112'] },
  { code: 'COMPLAINT', name: '投诉', isComprehensive: false, accessCodes: ['10001'] },
];

export type DemoPerson = {
  employeeNo: string;
  name: string;
  gender: 'male' | 'female';
  roles: Role[];
  department: string;
  area: string;
  extension?: string;
  skills?: [code: string, level: number][];
};

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
];
const GIVEN = [
  '芳',
  '伟',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
];
const SPECIAL_SKILLS = ['BILL', 'FAULT', 'COMPLAINT'];
const AREA_CODES = ['EAST', 'WEST', 'SOUTH'];

/** 20 agents (1001–1020) with extensions 8001–8020, skills spread over the groups. */
function agents(): DemoPerson[] {
  return Array.from({ length: 20 }, (_, i) => {
    const special = SPECIAL_SKILLS[i % 3] ?? 'BILL';
    const skills: [string, number][] = [[special, 1 + (i % 5)]];
    if (i % 4 === 0) skills.push(['GENERAL', 3 + (i % 3)]);
    if (i % 7 === 3) skills.push([SPECIAL_SKILLS[(i + 1) % 3] ?? 'FAULT', 2]);
    return {
      employeeNo: String(1001 + i),
      name: `${SURNAMES[i]}${GIVEN[i]}`,
      gender: i % 3 === 1 ? 'male' : 'female',
      roles: ['agent'],
      department: 'CC',
      area: AREA_CODES[i % 3] ?? 'EAST',
      extension: String(8001 + i),
      skills,
    };
  });
}

export const PEOPLE: DemoPerson[] = [
  ...agents(),
  {
    employeeNo: '2001',
    name: '郑晓梅',
    gender: 'female',
    roles: ['team_lead'],
    department: 'CC',
    area: 'EAST',
    extension: '8101',
    skills: [
      ['GENERAL', 5],
      ['BILL', 5],
    ],
  },
  {
    employeeNo: '2002',
    name: '冯志刚',
    gender: 'male',
    roles: ['team_lead'],
    department: 'CC',
    area: 'WEST',
    extension: '8102',
    skills: [
      ['GENERAL', 5],
      ['FAULT', 5],
    ],
  },
  {
    employeeNo: '2101',
    name: '韩雪',
    gender: 'female',
    roles: ['duty_lead'],
    department: 'CC',
    area: 'EAST',
    extension: '8103',
  },
  {
    employeeNo: '3001',
    name: '曹丽娟',
    gender: 'female',
    roles: ['qa'],
    department: 'QUALITY',
    area: 'EAST',
  },
  {
    employeeNo: '3101',
    name: '彭海',
    gender: 'male',
    roles: ['data_maintenance'],
    department: 'CC',
    area: 'SOUTH',
  },
  {
    employeeNo: 'admin',
    name: '系统管理员',
    gender: 'male',
    roles: ['admin'],
    department: 'CC',
    area: 'EAST',
  },
  {
    employeeNo: '5001',
    name: '袁建国',
    gender: 'male',
    roles: ['dept_supervisor'],
    department: 'NETOPS',
    area: 'EAST',
  },
  {
    employeeNo: '5002',
    name: '邓红',
    gender: 'female',
    roles: ['dept_supervisor'],
    department: 'BILLING',
    area: 'WEST',
  },
  {
    employeeNo: '5003',
    name: '许文',
    gender: 'male',
    roles: ['dept_supervisor'],
    department: 'MARKET',
    area: 'SOUTH',
  },
  {
    employeeNo: '5101',
    name: '傅强',
    gender: 'male',
    roles: ['dept_handler'],
    department: 'NETOPS',
    area: 'EAST',
  },
  {
    employeeNo: '5102',
    name: '沈玉兰',
    gender: 'female',
    roles: ['dept_handler'],
    department: 'NETOPS',
    area: 'WEST',
  },
  {
    employeeNo: '5201',
    name: '曾凡',
    gender: 'male',
    roles: ['dept_handler'],
    department: 'BILLING',
    area: 'WEST',
  },
  {
    employeeNo: '5301',
    name: '蒋丹',
    gender: 'female',
    roles: ['dept_handler'],
    department: 'MARKET',
    area: 'SOUTH',
  },
];
