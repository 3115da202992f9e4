/** 消息设置 的短信服务商、企业微信机器人、超时提醒与发件箱保留期（中文）。 */
export const messaging2ZhCN = {
  sms: {
    title: '短信（阿里云 / 腾讯云）',
    hint: '短信只能按服务商审核通过的模板发送：下方短信模板应与服务商的模板一致，其中的占位符按出现顺序作为模板变量（阿里云按名称，如 ${ticket}；腾讯云按顺序 {1}、{2}…）。每个变量不超过35个字，链接不会放入变量。',
    provider: '服务商',
    providerOption: { none: '不发送短信', aliyun: '阿里云短信', tencent: '腾讯云短信' },
    keyId: 'AccessKey ID / SecretId',
    secret: 'AccessKey Secret / SecretKey',
    secretSet: '已保存（不显示）；留空则保持不变',
    secretNone: '尚未保存密钥',
    signName: '签名（不含【】）',
    appId: 'SdkAppId（腾讯云）',
    region: '地域（腾讯云）',
    endpoint: '接口地址（留空用服务商默认）',
    codes: '模板 CODE / 模板 ID',
  },
  team: {
    title: '团队通知（企业微信群机器人）',
    hint: '紧急工单、工单超时、工单升级、备件低于安全库存时，发到企业微信群。Webhook 地址含机器人密钥，保存后不再显示。每分钟最多20条。',
    webhook: '机器人 Webhook 地址',
    webhookSet: '已保存（不显示）；留空则保持不变',
    webhookNone: '尚未设置机器人',
    test: '测试',
    tested: '测试消息已发到企业微信群。',
    overdueEmail: '超时工单汇总发送到（主管邮箱）',
    retentionDays: '已发送、已取消的消息保留天数',
  },
};
