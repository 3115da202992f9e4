/** Words of 操作记录 in Chinese: each tracked field's name (snake_case, as the trail stores it) and the values said in words. */
export const auditZhCN = {
  yes: '是',
  no: '否',
  signed: '已签名',
  field: {
    // tickets
    number: '单号', status: '状态', channel: '渠道', reported_at: '报修时间', received_by: '受理人', customer_id: '客户', contact_name: '联系人', contact_phone: '联系电话', contact_phone_norm: '联系电话（检索）',
    model_id: '产品型号', device_id: '设备', serial: '序列号', urgency: '紧急程度', problem_type: '问题类型', safety_risk: '安全隐患', warranty_status: '保修状态', fault_description: '故障描述',
    fault_when: '故障出现时间', fault_frequency: '出现频率', alarm_codes: '报警代码', abnormal_noise: '异响', environment: '使用环境', customer_tried: '客户已尝试', reported_before: '曾报修过',
    response_due_at: '响应期限', resolve_due_at: '解决期限', level: '支持级别', assigned_to: '负责工程师', closed_at: '结案时间', created_at: '创建时间', updated_at: '修改时间', created_by: '创建人', updated_by: '修改人', version: '版本',
    remote_guidance: '远程指导', service_mode: '服务方式', eta: '预计到达', diagnosis: '诊断结论', root_cause: '根本原因', repair_plan: '维修方案', parts_needed: '所需配件', touches_core_parts: '涉及核心部件',
    estimate_fen: '预估费用', needs_approval: '需主管审批', approved_by: '审批人', approved_at: '审批时间', consent_at: '客户同意时间', consent_channel: '客户同意方式', consent_signature_id: '客户同意签名', consent_note: '同意备注',
    dispatched_at: '派工时间', contact_due_at: '联系期限', contacted_at: '联系客户时间', responded_at: '响应时间', resolved_at: '完成时间', function_test: '功能测试', satisfaction: '满意度', acceptance_comments: '验收意见',
    acceptance_signature_id: '验收签名', follow_up_due_at: '回访期限', followed_up_at: '回访时间', follow_up_notes: '回访记录', paused_since: '暂停计时起', pause_reason: '暂停原因', visits: '上门次数', reopen_count: '重开次数',
    service_steps: '处理步骤', service_problems: '遇到的问题', is_repeat: '重复故障', clock_version: '计时版本', response_minutes: '响应用时（分钟）', response_working_minutes: '响应用时（工作分钟）', resolution_minutes: '解决用时（分钟）', resolution_working_minutes: '解决用时（工作分钟）', duplicate_reason: '另建工单原因',
    // returned devices
    state: '状态', ticket_id: '工单', condition: '外观检查', condition_notes: '外观说明', accessories: '随机附件', fault_stated: '客户所述故障', photo_ids: '照片', received_at: '接收时间', expected_date: '预计完成',
    picked_up_at: '取回时间', picked_up_by: '取件人', pickup_delegate: '代取', pickup_id_note: '证件说明', accessories_back: '交还附件', return_note: '交还备注', pickup_signature_id: '取件签名',
    // quotes, bills, payments
    revision: '版本号', service_date: '服务日期', standard_id: '收费标准', repeat_repair: '返修保修期内', previous_repair_date: '上次维修日期', input: '费用明细', calc: '计算结果', total_fen: '合计', note: '备注',
    quote_id: '报价单', billed_on: '开单日期', quote_total_fen: '报价合计', discount_needs_approval: '折扣待审批', discount_approved_at: '折扣审批时间', discount_approved_by: '折扣审批人', paid_fen: '已收', balance_fen: '未收',
    ack_at: '欠款确认时间', ack_signature_id: '欠款确认签名', ack_promised_date: '承诺付款日期', ack_note: '欠款确认备注', bill_id: '账单', method: '付款方式', amount_fen: '金额', paid_at: '付款时间', receipt_no: '收据号', taken_by: '收款人',
    // knowledge
    title: '标题', symptom: '现象', cause: '原因', self_check: '自查步骤', solution: '解决方法', prevention: '预防措施', notes: '备注', attachment_ids: '附件', author_id: '作者', reviewer_id: '审核人', review_comment: '审核意见',
    submitted_at: '提交时间', published_at: '发布时间', archived_at: '归档时间', source_ticket_id: '来源工单', revision_of: '修订自', view_count: '查看次数', helped_count: '有帮助次数',
    // customers, devices, models, parts, users
    kind: '类型', name: '名称', salutation: '称呼', contact_person: '联系人', phone: '电话', phone_norm: '电话（检索）', phone2: '备用电话', phone2_norm: '备用电话（检索）', address: '地址', email: '电子邮件', key_account: '重点客户', key_account_note: '重点客户说明',
    purchase_date: '购买日期', purchase_channel: '购买渠道', install_date: '安装日期', warranty_end: '保修截止', code: '型号编码', product_line: '产品线', warranty_months: '保修月数', active: '启用', reason: '更正原因',
    part_no: '备件编号', models: '适用型号', price_fen: '单价', consumable: '易损件', serial_tracked: '按序列号管理', min_stock: '最低库存', location: '库位', on_hand: '库存', unit: '单位',
    username: '用户名', display_name: '姓名', role: '角色', failed_logins: '登录失败次数', locked_until: '锁定至', product_lines: '负责产品线',
    // maintenance plans, fee standards, bookings
    project: '项目', every: '间隔', start_date: '开始日期', fixed_dates: '固定日期', next_due: '下次到期', lead_days: '提前天数', engineer_id: '工程师', checklist: '检查清单',
    effective_from: '生效日期', rules: '收费规则', starts_at: '开始时间', worked_on: '工作日期', started_at: '开工时间', finished_at: '完工时间', minutes: '工时（分钟）', ends_at: '结束时间', place: '地点', cancelled: '已取消',
    // settings
    company: '公司信息', ticket_number_pattern: '工单号格式', time_zone: '时区', sla: '时效标准', calendar: '工作日历', approval_threshold_fen: '审批金额门槛', follow_up: '回访规则', contact_within_minutes: '联系时限（分钟）',
    returns: '返修设置', printing: '打印设置', serial_batch_prefix: '批次号前缀',
    // official holiday arrangement, accepted per year
    // 三包 exchanges and returns
    old_device_id: '收回的旧机', new_device_id: '换给客户的新机', rule: '适用的三包规则', rule_params: '规则参数', override_reason: '主管改判原因', price_paid_fen: '客户实付（发票金额）', refunded_fen: '退货退款金额', refund_method: '退款方式', sanbao: '三包条款',
    year: '年份', digest: '数据版本', days: '日期', source: '数据来源',
    // loaners, defective stock, returns to the factory
    loaner_id: '备用机', deposit_fen: '押金', lent_at: '借出时间', due_on: '归还日期', returned_at: '归还时间', return_condition: '归还时状况', refund_fen: '退还押金', kept_reason: '扣留押金原因',
    origin: '来源', part_id: '备件', ticket_part_id: '服务记录配件', batch: '批次', fault_code: '故障代码', quantity: '数量', scrapped: '报废数量',
    supplier: '供应商', reject_reason: '拒收原因', sent_at: '寄出时间', return_id: '返厂单', defective_id: '旧件', credit_fen: '索赔金额',
    file: '备份文件', safety_copy: '恢复前安全副本', by: '操作人', tickets: '工单数',
    // host mode
    lan_enabled: '主机模式', idle_minutes: '无操作自动退出（分钟）', revoked: '已撤销',
  },
};
