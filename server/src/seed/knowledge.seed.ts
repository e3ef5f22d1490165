import type { Db } from '../db/database.ts';
import { searchTextOf } from '../modules/knowledge/knowledge.terms.ts';

// Demo knowledge base (KB-1): a telecom-style service center's categories and ~20 published
// articles (one already expired, one draft), written by data maintenance 3101.

const DAY = 86_400_000;

type SeedArticle = {
  title: string;
  keywords: string[];
  body: string;
  views: number;
  ageDays: number;
  expired?: boolean;
  draft?: boolean;
};

const TREE: {
  name: string;
  requiresReview?: boolean;
  children: { name: string; articles: SeedArticle[] }[];
}[] = [
  {
    name: '业务介绍',
    children: [
      {
        name: '宽带业务',
        articles: [
          {
            title: '宽带业务简介',
            keywords: ['宽带', '光纤', '提速'],
            views: 42,
            ageDays: 200,
            body: '光纤宽带提供 100M、300M、500M、1000M 四档速率。\n新装用户可享首月免费体验。\n提速：在原套餐基础上补差价即可，次日生效。',
          },
          {
            title: '光猫与路由器说明',
            keywords: ['光猫', '路由器', '指示灯'],
            views: 18,
            ageDays: 120,
            body: '光猫由公司免费提供，用户销户时需归还。\nLOS 灯红色闪烁表示光信号中断，请引导用户报修。\n路由器可自购，也可按月租用（5 元/月）。',
          },
        ],
      },
      {
        name: '固话与号码业务',
        articles: [
          {
            title: '固定电话业务简介',
            keywords: ['固话', '座机', '来电显示'],
            views: 9,
            ageDays: 300,
            body: '固定电话月租 18 元，含来电显示。\n市话 0.1 元/分钟，国内长途 0.15 元/分钟。',
          },
          {
            title: '靓号选号规则',
            keywords: ['靓号', '选号', '最低消费'],
            views: 3,
            ageDays: 400,
            body: '尾号 AAAA、ABCD 类号码为靓号，需承诺最低消费 24 个月。\n选号可在营业厅或网上营业厅办理。',
          },
        ],
      },
    ],
  },
  {
    name: '资费',
    requiresReview: true,
    children: [
      {
        name: '套餐资费',
        articles: [
          {
            title: '套餐资费说明（2026 版）',
            keywords: ['套餐', '资费', '月租', '流量'],
            views: 76,
            ageDays: 60,
            body: '畅享 59 元套餐：含国内流量 30GB、通话 300 分钟。\n畅享 99 元套餐：含国内流量 80GB、通话 800 分钟，赠送宽带 300M。\n超出部分：流量 3 元/GB，通话 0.1 元/分钟。',
          },
          {
            title: '融合套餐（手机+宽带）资费',
            keywords: ['融合', '宽带', '副卡'],
            views: 31,
            ageDays: 90,
            body: '融合 129 元：手机主卡 + 500M 宽带 + 2 张副卡。\n副卡共享主卡流量和通话，每张副卡月功能费 10 元。',
          },
          {
            title: '2025 版老套餐资费（已停售）',
            keywords: ['老套餐', '停售'],
            views: 2,
            ageDays: 500,
            expired: true,
            body: '2025 版套餐已于 2026 年起停止受理，老用户可继续使用。',
          },
        ],
      },
      {
        name: '增值业务资费',
        articles: [
          {
            title: '国际漫游资费',
            keywords: ['漫游', '国际', '出境'],
            views: 12,
            ageDays: 150,
            body: '出境前请确认已开通国际漫游。\n日租包：港澳台 25 元/天，日韩 30 元/天，欧美 40 元/天，不限流量（高速 1GB 后降速）。',
          },
          {
            title: '来电提醒与彩铃资费',
            keywords: ['彩铃', '来电提醒', '增值'],
            views: 4,
            ageDays: 260,
            body: '彩铃 5 元/月，来电提醒 3 元/月。\n退订：发送 TD 到 10001，次月生效。',
          },
        ],
      },
    ],
  },
  {
    name: '办理流程',
    children: [
      {
        name: '开户与变更',
        articles: [
          {
            title: '停机/复机办理',
            keywords: ['停机', '复机', '报停', '挂失'],
            views: 55,
            ageDays: 100,
            body: '主动停机（报停）：机主本人携身份证办理，或在电话中核实服务密码后受理。\n停机保号 5 元/月，最长 12 个月。\n欠费停机：缴清欠费后 2 小时内自动复机。\n挂失停机：复机需本人到营业厅补卡。',
          },
          {
            title: '移机办理',
            keywords: ['移机', '搬家', '宽带移机'],
            views: 27,
            ageDays: 210,
            body: '1. 核实机主身份与新地址。\n2. 查询新地址是否有资源覆盖（资源查询系统）。\n3. 创建移机工单，预约上门时间。\n4. 移机费：同一城区免费，跨区 50 元。\n5. 无资源时告知用户可办理拆机或保号。',
          },
          {
            title: '过户办理流程',
            keywords: ['过户', '实名', '变更机主'],
            views: 6,
            ageDays: 330,
            body: '过户需原机主与新机主同时携带身份证到营业厅办理。\n欠费须先结清。\n电话中不能受理过户，只能告知所需材料。',
          },
          {
            title: '销户（拆机）办理',
            keywords: ['销户', '拆机', '退网'],
            views: 8,
            ageDays: 190,
            body: '销户需结清费用并归还光猫。\n合约期内销户需缴纳违约金，按剩余月数计算。',
          },
        ],
      },
      {
        name: '故障报修',
        articles: [
          {
            title: '宽带报修流程',
            keywords: ['报修', '宽带', '断网', '故障'],
            views: 88,
            ageDays: 80,
            body: '1. 请用户重启光猫和路由器，观察 LOS 灯。\n2. 查询该区域是否有故障告警（故障预警）。\n3. 仍无法上网：创建报修工单，派发网络维护部。\n4. 时限：城区 24 小时内修复，农村 48 小时内修复。\n5. 告知用户工单号，可来电查询进度。',
          },
          {
            title: '固话故障报修',
            keywords: ['固话', '杂音', '无拨号音', '报修'],
            views: 14,
            ageDays: 240,
            body: '无拨号音：请用户检查电话线与话机，换话机再试。\n仍有问题创建报修工单，24 小时内修复。',
          },
        ],
      },
    ],
  },
  {
    name: '常见问题',
    children: [
      {
        name: '账单与发票',
        articles: [
          {
            title: '话费查询方法',
            keywords: ['话费', '查询', '余额', '账单'],
            views: 95,
            ageDays: 30,
            body: '1. 拨打 10001 按 1 自助查询余额。\n2. 发送 YE 到 10001 查询余额，发送 ZD 查询本月账单。\n3. 网上营业厅或 App 查询详单。\n4. 坐席可在客户资料中查询近 6 个月账单。',
          },
          {
            title: '发票开具',
            keywords: ['发票', '电子发票', '报销'],
            views: 21,
            ageDays: 140,
            body: '月结发票：每月 5 日后可在网上营业厅开具上月电子发票。\n充值发票：充值后即可开具。\n纸质发票请到营业厅打印。\n发票抬头填错可在 30 天内作废重开一次。',
          },
          {
            title: '话费异常（扣费不明）处理',
            keywords: ['扣费', '异常', '退费', '话费'],
            views: 37,
            ageDays: 70,
            body: '1. 查询详单，找到不明扣费项目。\n2. 如为增值业务扣费，核实订购记录；无订购记录的全额退费。\n3. 需退费的创建工单，3 个工作日内处理。',
          },
        ],
      },
      {
        name: '投诉与建议',
        articles: [
          {
            title: '投诉处理时限',
            keywords: ['投诉', '时限', '升级'],
            views: 40,
            ageDays: 110,
            body: '一般投诉：48 小时内回复。\n紧急投诉（涉及停机、大面积故障）：4 小时内回复。\n越级投诉（工信部、12315）：立即上报值班长。\n超时未处理的工单自动升级到部门主管。',
          },
          {
            title: '如何安抚情绪激动的来电用户',
            keywords: ['安抚', '情绪', '话术'],
            views: 19,
            ageDays: 365,
            body: '先倾听，不打断；复述用户诉求表示理解。\n不承诺做不到的事，给出明确的下一步与时限。',
          },
          {
            title: '新版投诉分级标准（草稿）',
            keywords: ['投诉', '分级'],
            views: 0,
            ageDays: 5,
            draft: true,
            body: '草稿：投诉分为一般、重要、紧急三级，标准待定。',
          },
        ],
      },
    ],
  },
];

export async function seedKnowledge(db: Db, now: Date): Promise<void> {
  const author = await db
    .selectFrom('staff')
    .select('id')
    .where('employee_no', '=', '3101')
    .executeTakeFirst();
  const authorId = author?.id ?? null;
  const at = (days: number) => new Date(now.getTime() - days * DAY);
  let position = 0;
  for (const top of TREE) {
    const parent = await db
      .insertInto('kb_categories')
      .values({
        parent_id: null,
        name: top.name,
        requires_review: top.requiresReview ?? false,
        position: position++,
        created_at: at(600),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const child of top.children) {
      const category = await db
        .insertInto('kb_categories')
        .values({
          parent_id: parent.id,
          name: child.name,
          requires_review: top.requiresReview ?? false,
          position: position++,
          created_at: at(600),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const a of child.articles) {
        const written = at(a.ageDays);
        const published = !a.draft;
        const row = await db
          .insertInto('kb_articles')
          .values({
            category_id: category.id,
            title: a.title,
            body: a.body,
            keywords: JSON.stringify(a.keywords),
            effective_from: a.expired ? at(a.ageDays) : null,
            effective_to: a.expired ? at(10) : null,
            status: published ? 'published' : 'draft',
            review_state: 'none',
            review_note: null,
            has_changes: !published,
            published_version: published ? 1 : null,
            author_id: authorId,
            edited_by: authorId,
            reviewer_id: null,
            reviewed_at: null,
            last_checked_at: published ? written : null,
            view_count: a.views,
            created_at: written,
            updated_at: written,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (!published) continue;
        await db
          .insertInto('kb_article_versions')
          .values({
            article_id: row.id,
            version: 1,
            category_id: category.id,
            title: a.title,
            body: a.body,
            keywords: JSON.stringify(a.keywords),
            search_text: searchTextOf(a.title, a.keywords, a.body),
            published_by: authorId,
            reviewed_by: null,
            published_at: written,
          })
          .execute();
      }
    }
  }
}
