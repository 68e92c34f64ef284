import type { Database } from '../../../db/database.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { addDays, shanghaiDate, shanghaiInstant, shanghaiMidnightUtc } from '../../../domain/local-date.ts';
import { noFigures } from '../../../domain/reports/figures.ts';
import { DEFAULT_RULES, deadlineAt, flagAt } from '../../../domain/reports/report-rules.ts';
import { orgRepository } from '../org/org.repository.ts';
import { reportFiguresRepository } from '../reports/report-figures.repository.ts';
import { usersRepository } from '../users/users.repository.ts';
import { demoId } from './demo-ids.ts';

const ZHONGLU = '430211003017';
const CHUANCHANG = '420107006001';

type Topic = 'supplies' | 'staff' | 'medical' | 'living' | 'gates' | 'vulnerable' | 'other';
interface DemoIssue { kind: 'issue' | 'suggestion'; topic: Topic; text: string; answer?: { status: 'accepted' | 'in_progress' | 'done' | 'declined'; text: string; after: number } }
interface DemoReport { day: string; narrative: string; issues: DemoIssue[]; submitAt?: string }

const at = (day: string, time: string) => new Date(shanghaiInstant(day, time)).toISOString();
const done = (text: string, after = 20): DemoIssue['answer'] => ({ status: 'done', text, after });

/** The work team's fortnight at 中路社区 (10–23 February), as the report tells it: on the 21st the supplies issue, answered on the 22nd. */
function zhongluFortnight(feb: (d: number) => string): DemoReport[] {
  const routine = (d: number, groups: number, homes: number): DemoReport => ({
    day: feb(d),
    narrative: `工作队走访${groups}个居民小组，上门${homes}户，排查外来人员和返乡人员，宣传居家防护，重点了解独居老人生活情况。`,
    issues: [
      { kind: 'issue', topic: d % 2 ? 'vulnerable' : 'living', text: d % 2 ? `第${(d % 16) + 1}组独居老人买药不便，需要代购` : '部分居民小组缺少公告栏，通知只能靠上门', answer: done(d % 2 ? '社区安排网格员每两天代购一次药品' : '街道统一印制张贴防疫通知') },
      { kind: 'suggestion', topic: d % 3 ? 'staff' : 'gates', text: d % 3 ? '建议工作队与网格员分片包干，避免重复上门' : '建议夜间卡点增配照明设备', answer: d % 3 ? { status: 'accepted', text: '按片区分工，工作队负责1—13组', after: 18 } : done('已配发应急灯4盏') },
    ],
  });
  return [
    routine(10, 6, 41), routine(11, 7, 38), routine(12, 8, 44), routine(13, 6, 35), routine(14, 7, 29), routine(15, 5, 31),
    {
      day: feb(16), narrative: '工作队走访5个居民小组，上门29户。队员李晓明入户途中摔伤，肩部骨折，已送医。',
      issues: [
        { kind: 'issue', topic: 'staff', text: '队员李晓明肩部骨折，需要调派一名队员替换', answer: done('市残联派孙卫东自2月17日起替换', 14) },
        { kind: 'suggestion', topic: 'other', text: '建议为入户队员购买意外保险', answer: { status: 'declined', text: '已有工伤保障，不另行购买', after: 40 } },
      ],
    },
    routine(17, 6, 33), routine(18, 8, 40),
    {
      day: feb(19), narrative: '共走访12个小组，上门19家，备案外来人员9人。对接企业新增外来复工人员27名，其中新能源动力机车检测中心23名，湖南光华荣昌汽车部件公司3名，株洲三新包装技术公司1名。',
      issues: [
        { kind: 'issue', topic: 'other', text: '复工企业外来人员集中到岗，备案表格不统一', answer: done('下发统一的《企业员工健康档案信息汇总表》') },
        { kind: 'suggestion', topic: 'medical', text: '建议检测中心对新增外来人员集中测温登记', answer: done('检测中心设立测温点，每日两次') },
      ],
    },
    {
      day: feb(20), narrative: '走访9个居民小组，上门摸查外来人员和返乡人员，登记备案6人，其中外来人员2人，返乡人员4人。',
      issues: [
        { kind: 'issue', topic: 'living', text: '返乡人员居家观察期间生活物资需要配送', answer: done('社区志愿者每日配送一次') },
        { kind: 'suggestion', topic: 'vulnerable', text: '建议对居家观察人员每日两次电话问询', answer: { status: 'in_progress', text: '已纳入网格员每日工作清单', after: 20 } },
      ],
    },
    {
      day: feb(21), narrative: '对辖区内微小企业、门店等经营场所上门服务，备案登记《企业员工健康档案信息汇总表》和《企业复工复产责任书》。',
      issues: [
        { kind: 'issue', topic: 'supplies', text: '门店、微小企业防护用品不足，开业门店缺少体温枪和口罩', answer: done('22日市派工作队员管理办给每个社区配发体温枪1把、口罩500个，指定用于社区开业门店', 14) },
        { kind: 'suggestion', topic: 'supplies', text: '建议统一采购防护用品，按复工门店数量分配', answer: { status: 'accepted', text: '纳入下一批物资分配方案', after: 16 } },
      ],
    },
    {
      day: feb(22), narrative: '将市派疫控工作办配发的1把体温枪和500个口罩按时送到社区，用于发放复工企业和门店防疫。',
      issues: [
        { kind: 'issue', topic: 'gates', text: '部分门店未按要求测温登记，需要加强督查' },
        { kind: 'suggestion', topic: 'supplies', text: '建议建立物资领用台账，发放到店签字' },
      ],
    },
    routine(23, 7, 36),
  ];
}

/** 船厂社区's own reports of the last five days, to 青山镇街道; the one of three days ago came in the next morning. */
function chuanchangDays(today: string): DemoReport[] {
  const day = (n: number) => addDays(today, -n);
  return [
    { day: day(5), narrative: '23个出入口中封闭14个，保留9个卡点，实行24小时值守。', issues: [
      { kind: 'issue', topic: 'gates', text: '封闭出入口需要挡板，运输车辆不足', answer: done('街道协调两台货车运送挡板', 6) },
      { kind: 'suggestion', topic: 'staff', text: '建议船舶重工下沉党员补充夜班卡点', answer: done('8名党员已编入夜班', 10) },
    ] },
    { day: day(4), narrative: '流动巡查B区、C区，广播车循环播放防疫通知，提醒老人戴口罩、不聚集。', issues: [
      { kind: 'issue', topic: 'vulnerable', text: '独居老人周婆婆等12人买菜困难', answer: done('志愿者每日统一代购配送', 16) },
      { kind: 'issue', topic: 'gates', text: '值守棚子搭建材料不足', answer: { status: 'in_progress', text: '已向区里申请帐篷6顶', after: 20 } },
    ] },
    { day: day(3), narrative: '卡点登记外来人员，测温发现发热1人，已按流程处置。', submitAt: at(day(2), '08:40'), issues: [
      { kind: 'issue', topic: 'medical', text: '卡点体温枪读数不稳，需要更换', answer: done('街道调拨体温枪3把', 8) },
      { kind: 'suggestion', topic: 'staff', text: '建议志愿者轮班不超过6小时' },
    ] },
    { day: day(2), narrative: '老旧社区改造施工与封控冲突，与施工方协调出入时间。', issues: [
      { kind: 'issue', topic: 'gates', text: '改造施工车辆进出与封控冲突' },
      { kind: 'issue', topic: 'other', text: '下午有暴雨，值守帐篷需要加固，社区旁沟渠可能涨水' },
    ] },
    { day: day(1), narrative: '晨会布置巡查B区、C区，加固帐篷，清点物资。', issues: [
      { kind: 'issue', topic: 'supplies', text: '口罩库存只够三天' },
      { kind: 'suggestion', topic: 'living', text: '建议为值守人员统一订餐' },
    ] },
  ];
}

/**
 * The demo's daily reports: 中路社区's work team for a fortnight of
 * February (to the city office, 株洲市), 船厂社区's own for the last five
 * days (to 青山镇街道), one of them late; answers from the offices, some
 * issues still open. Figures are counted from the records of each day, as
 * a submission would. Today is left to be reported. Skipped when any
 * report is there already.
 */
export async function loadDemoReports(database: Database, now = new Date()): Promise<number> {
  const { db } = database;
  if (await db.selectFrom('daily_reports').select('id').executeTakeFirst()) return 0;
  const zhonglu = await orgRepository.findByCode(db, ZHONGLU);
  const chuanchang = await orgRepository.findByCode(db, CHUANCHANG);
  const team = await db.selectFrom('work_teams').select(['id']).where('name', '=', '市残联驻中路社区工作队').executeTakeFirst();
  if (!zhonglu || !chuanchang || !team) return 0;
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4)) - (today.slice(5) < '02-24' ? 1 : 0);
  const feb = (d: number) => `${year}-02-${String(d).padStart(2, '0')}`;
  const ids = async (username: string) => (await usersRepository.findByUsername(db, username))!.id;
  const offices = async (code: string) => (await orgRepository.findByCode(db, code))!;
  const zz = await offices('430200');
  const qingshan = await offices('420107006');
  const [zlTeam, zzCity, ccAdmin, whStreet] = await Promise.all(['zl.team', 'zz.city', 'cc.admin', 'wh.street'].map(ids));
  const plan = [
    ...zhongluFortnight(feb).map((r) => ({ ...r, community: zhonglu, team: team.id, to: zz, by: zlTeam!, answerBy: zzCity! })),
    ...chuanchangDays(today).map((r) => ({ ...r, community: chuanchang, team: null, to: qingshan, by: ccAdmin!, answerBy: whStreet! })),
  ];
  await db.transaction().execute(async (trx) => {
    for (const r of plan) await writeReport(trx, r, now);
  });
  return plan.length;
}

async function writeReport(
  trx: Executor,
  r: DemoReport & { community: { id: string; path: string }; team: string | null; to: { id: string; path: string }; by: string; answerBy: string },
  now: Date,
): Promise<void> {
  const subject = r.team ?? 'community';
  const id = demoId(`report:${r.community.id}:${subject}:${r.day}`);
  const deadline = deadlineAt(r.day, DEFAULT_RULES);
  const submitted = r.submitAt ?? at(r.day, '19:30');
  const figures = (await reportFiguresRepository.byCommunity(trx, r.community.path, r.day, shanghaiMidnightUtc(r.day, 1))).get(r.community.id) ?? noFigures();
  await trx.insertInto('daily_reports').values({
    id, community_id: r.community.id, org_path: r.community.path, subject, team_id: r.team, day: r.day, version: 1, current: 1, narrative: r.narrative, draft_issues: '[]',
    figures: JSON.stringify(figures), figures_at: submitted, to_org_id: r.to.id, min_issues: DEFAULT_RULES.minIssues, deadline_at: deadline, late: submitted > deadline ? 1 : 0,
    correction_reason: null, supersedes_id: null, submitted_at: submitted, submitted_by: r.by, content_hash: null, created_by: r.by, created_at: submitted, updated_at: submitted,
  }).execute();
  for (const [position, issue] of r.issues.entries()) {
    const issueId = demoId(`issue:${id}:${position}`);
    const answeredAt = issue.answer ? new Date(Date.parse(submitted) + issue.answer.after * 3_600_000) : null;
    // An answer dated after now would be an answer from the future: it stays unanswered.
    const answer = issue.answer && answeredAt! <= now ? issue.answer : undefined;
    await trx.insertInto('report_issues').values({
      id: issueId, report_id: id, community_id: r.community.id, org_path: r.community.path, subject, day: r.day, position, kind: issue.kind, topic: issue.topic, text: issue.text,
      to_org_id: r.to.id, to_org_path: r.to.path, status: answer?.status ?? 'open', sent_at: submitted, flag_at: flagAt(submitted, DEFAULT_RULES.answerHours),
      answered_at: answer ? answeredAt!.toISOString() : null, group_id: null,
    }).execute();
    if (answer) {
      await trx.insertInto('issue_answers').values({
        id: demoId(`answer:${issueId}`), issue_id: issueId, status: answer.status, measure: answer.status === 'declined' ? null : answer.text,
        reason: answer.status === 'declined' ? answer.text : null, office_id: r.to.id, group_id: null, answered_by: r.answerBy, answered_at: answeredAt!.toISOString(),
      }).execute();
    }
  }
}
