/** UI words of the ticket page's frame in Chinese. */
export const detailZhCN = {
  title: '工单 {{number}}',
  back: '返回列表',
  received: '接待人',
  customer: '客户',
  device: '设备',
  deadlines: '时限',
  responseDue: '响应期限',
  resolveDue: '解决期限',
  timeline: '处理记录',
  warranty: '保修',
  editTitle: '修改登记信息',
  conflictReload: '重新加载最新版本',
  level: '支持级别',
  safetyRisk: '安全隐患',
  notFound: '未找到该工单',
};

export type DetailStrings = typeof detailZhCN;
