/** UI words of the first start (setting up the desk) in Chinese. */
export const setupZhCN = {
  title: '首次使用：创建管理员账户',
  intro: '这是本服务台第一次启动。请创建管理员账户，之后用它登录并添加其他用户。',
  username: '用户名',
  displayName: '显示名称',
  password: '密码',
  passwordHint: '至少 8 个字符',
  password2: '再次输入密码',
  mismatch: '两次输入的密码不一致',
  loadDemo: '载入演示数据',
  loadDemoHint: '载入一个已运营半年的演示服务中心（工单、返修、费用、备件、知识库），并为每个角色建一个演示账户，登录页会列出账户和密码。',
  submit: '创建并进入',
};

export type SetupStrings = typeof setupZhCN;
