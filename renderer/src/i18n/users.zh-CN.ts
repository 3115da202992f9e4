/** UI words of user accounts in Chinese. */
export const usersZhCN = {
  title: '用户管理',
  add: '新增用户',
  username: '用户名',
  displayName: '显示名称',
  role: '角色',
  active: '启用',
  status: '状态',
  locked: '已锁定',
  activeYes: '启用',
  activeNo: '停用',
  productLines: '产品线',
  productLinesHint: '输入后回车添加',
  password: '初始密码',
  newPassword: '新密码',
  resetPassword: '重置密码',
  resetTitle: '重置 {{name}} 的密码',
  createTitle: '新增用户',
  editTitle: '编辑用户 {{name}}',
  actions: '操作',
  passwordReset: '密码已重置',
};

export type UsersStrings = typeof usersZhCN;
