/** UI words in Chinese (the default language). Enum labels and messages come from shared/i18n. */
import { deskChoiceZhCN } from './desk-choice.zh-CN';
import { feesZhCN } from './fees.zh-CN';
import { labourZhCN } from './labour.zh-CN';
import { sanbaoZhCN } from './sanbao.zh-CN';
import { messagingZhCN } from './messaging.zh-CN';
import { factoryZhCN } from './factory.zh-CN';
import { lanZhCN } from './lan.zh-CN';
import { auditZhCN } from './audit.zh-CN';
import { printZhCN } from './print.zh-CN';
import { returnsZhCN } from './returns.zh-CN';
import { ticketListZhCN } from './ticket-list.zh-CN';
import { masterDataZhCN } from './master-data.zh-CN';
import { historyZhCN } from './history.zh-CN';
import { phoneZhCN } from './phone.zh-CN';
import { statsZhCN } from './stats.zh-CN';
import { importWordsZhCN } from './import.zh-CN';
import { setupZhCN } from './setup.zh-CN';
import { intakeZhCN } from './intake.zh-CN';
import { detailZhCN } from './detail.zh-CN';
import { settingsZhCN } from './settings.zh-CN';
import { dataSafetyZhCN } from './data-safety.zh-CN';
import { usersZhCN } from './users.zh-CN';
import { lifecycleZhCN } from './lifecycle.zh-CN';
import { knowledgeZhCN } from './knowledge.zh-CN';
import { partsZhCN } from './parts.zh-CN';
import { maintenanceZhCN } from './maintenance.zh-CN';

export const uiZhCN = {
  app: { title: '售后服务中心', defaultCompany: '售后服务中心', loading: '加载中…', retry: '重试' },
  nav: { tickets: '工单', newTicket: '新建工单', settings: '设置', users: '用户', statistics: '统计', import: '导入', backups: '备份与恢复', audit: '操作记录', knowledge: '知识库', parts: '备件库存', lowStock: '库存预警', maintenance: '维护计划' },
  header: { signOut: '退出登录', language: '语言' },
  print: printZhCN,
  returns: returnsZhCN,
  masterData: masterDataZhCN,
  history: historyZhCN,
  phone: phoneZhCN,
  stats: statsZhCN,
  fees: feesZhCN,
  labour: labourZhCN,
  sanbao: sanbaoZhCN,
  messaging: messagingZhCN,
  factory: factoryZhCN,
  lan: lanZhCN,
  deskChoice: deskChoiceZhCN,
  audit: auditZhCN,
  language: { 'zh-CN': '中文', en: 'English' },
  export: { button: '导出', xlsx: 'Excel 工作簿（.xlsx）', csv: 'CSV（Excel 可直接打开）', failed: '导出失败' },
  import: importWordsZhCN,
  common: {
    date: { format: '请按“年-月-日”输入，例如 2026-11-05', formatTime: '请按“年-月-日 时:分”输入，例如 2026-11-05 14:30', pick: '选择日期' },
    leave: { title: '离开此页？', body: '此页有尚未保存的修改，离开后将会丢失。', stay: '继续填写', leave: '离开', discard: '放弃修改并离开' },
    save: '保存',
    cancel: '取消',
    edit: '编辑',
    reload: '重新加载',
    yes: '是',
    no: '否',
    none: '—',
    saved: '已保存',
    close: '关闭',
    create: '新建',
  },
  setup: setupZhCN,
  login: {
    title: '登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    demo: {
      title: '演示账户',
      hint: '这是演示数据，每个角色一个账户。点“填入”即可用该账户登录，体验它能做的事。',
      name: '姓名 / 角色',
      use: '填入',
    },
  },
  tickets: {
    listTitle: '工单列表',
    search: '搜索',
    searchPlaceholder: '工单号、电话、序列号、客户名称或故障描述（可扫码）',
    status: '状态',
    urgency: '紧急程度',
    problemType: '问题类型',
    empty: '没有符合条件的工单',
    total: '共 {{count}} 条',
    col: {
      number: '工单号',
      reportedAt: '报修时间',
      customer: '客户',
      phone: '电话',
      model: '型号',
      serial: '序列号',
      urgency: '紧急程度',
      status: '状态',
      fault: '故障现象',
      engineer: '工程师',
      deadline: '解决期限',
    },
    list: ticketListZhCN,
  },
  intake: intakeZhCN,
  detail: detailZhCN,
  settings: settingsZhCN,
  dataSafety: dataSafetyZhCN,
  users: usersZhCN,
  lifecycle: lifecycleZhCN,
  knowledge: knowledgeZhCN,
  parts: partsZhCN,
  maintenance: maintenanceZhCN,
};

export type UiStrings = typeof uiZhCN;
