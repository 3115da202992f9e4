/** Words of the audit trail in English: each tracked field's name (snake_case, as the trail stores it) and the values said in words. */
export const auditEn: typeof import('./audit.zh-CN').auditZhCN = {
  yes: 'Yes',
  no: 'No',
  signed: 'Signed',
  field: {
    number: 'Number', status: 'Status', channel: 'Channel', reported_at: 'Reported at', received_by: 'Received by', customer_id: 'Customer', contact_name: 'Contact', contact_phone: 'Contact phone', contact_phone_norm: 'Contact phone (search)',
    model_id: 'Model', device_id: 'Device', serial: 'Serial number', urgency: 'Urgency', problem_type: 'Problem type', safety_risk: 'Safety risk', warranty_status: 'Warranty', fault_description: 'Fault description',
    fault_when: 'Fault since', fault_frequency: 'Frequency', alarm_codes: 'Alarm codes', abnormal_noise: 'Abnormal noise', environment: 'Environment', customer_tried: 'Customer tried', reported_before: 'Reported before',
    response_due_at: 'Response due', resolve_due_at: 'Resolution due', level: 'Support level', assigned_to: 'Engineer', closed_at: 'Closed at', created_at: 'Created at', updated_at: 'Changed at', created_by: 'Created by', updated_by: 'Changed by', version: 'Version',
    remote_guidance: 'Remote guidance', service_mode: 'Service mode', eta: 'ETA', diagnosis: 'Diagnosis', root_cause: 'Root cause', repair_plan: 'Repair plan', parts_needed: 'Parts needed', touches_core_parts: 'Touches core parts',
    estimate_fen: 'Estimate', needs_approval: 'Needs approval', approved_by: 'Approved by', approved_at: 'Approved at', consent_at: 'Consent at', consent_channel: 'Consent by', consent_signature_id: 'Consent signature', consent_note: 'Consent note',
    dispatched_at: 'Dispatched at', contact_due_at: 'Contact due', contacted_at: 'Contacted at', responded_at: 'Responded at', resolved_at: 'Resolved at', function_test: 'Function test', satisfaction: 'Satisfaction', acceptance_comments: 'Acceptance comments',
    acceptance_signature_id: 'Acceptance signature', follow_up_due_at: 'Follow-up due', followed_up_at: 'Followed up at', follow_up_notes: 'Follow-up notes', paused_since: 'Clock paused since', pause_reason: 'Pause reason', visits: 'Visits', reopen_count: 'Reopened',
    service_steps: 'Steps taken', service_problems: 'Problems met', is_repeat: 'Repeat fault', clock_version: 'Clock version', response_minutes: 'Response (minutes)', response_working_minutes: 'Response (working minutes)', resolution_minutes: 'Resolution (minutes)', resolution_working_minutes: 'Resolution (working minutes)', duplicate_reason: 'Reason for a new ticket',
    state: 'State', ticket_id: 'Ticket', condition: 'Condition check', condition_notes: 'Condition notes', accessories: 'Accessories', fault_stated: 'Fault stated', photo_ids: 'Photos', received_at: 'Received at', expected_date: 'Expected by',
    picked_up_at: 'Picked up at', picked_up_by: 'Picked up by', pickup_delegate: 'Picked up for the owner', pickup_id_note: 'ID note', accessories_back: 'Accessories returned', return_note: 'Return note', pickup_signature_id: 'Pickup signature',
    revision: 'Revision', service_date: 'Service date', standard_id: 'Fee standard', repeat_repair: 'Repeat repair in warranty', previous_repair_date: 'Previous repair', input: 'Fee lines', calc: 'Calculation', total_fen: 'Total', note: 'Note',
    quote_id: 'Quote', billed_on: 'Billed on', quote_total_fen: 'Quote total', discount_needs_approval: 'Discount awaiting approval', discount_approved_at: 'Discount approved at', discount_approved_by: 'Discount approved by', paid_fen: 'Paid', balance_fen: 'Balance',
    ack_at: 'Balance acknowledged at', ack_signature_id: 'Acknowledgement signature', ack_promised_date: 'Promised payment date', ack_note: 'Acknowledgement note', bill_id: 'Bill', method: 'Payment method', amount_fen: 'Amount', paid_at: 'Paid at', receipt_no: 'Receipt number', taken_by: 'Taken by',
    title: 'Title', symptom: 'Symptom', cause: 'Cause', self_check: 'Self-check', solution: 'Solution', prevention: 'Prevention', notes: 'Notes', attachment_ids: 'Attachments', author_id: 'Author', reviewer_id: 'Reviewer', review_comment: 'Review comment',
    submitted_at: 'Submitted at', published_at: 'Published at', archived_at: 'Archived at', source_ticket_id: 'Source ticket', revision_of: 'Revision of', view_count: 'Views', helped_count: 'Helped',
    kind: 'Kind', name: 'Name', salutation: 'Salutation', contact_person: 'Contact person', phone: 'Phone', phone_norm: 'Phone (search)', phone2: 'Second phone', phone2_norm: 'Second phone (search)', address: 'Address', email: 'E-mail', key_account: 'Key account', key_account_note: 'Key-account note',
    purchase_date: 'Purchase date', purchase_channel: 'Bought from', install_date: 'Installed on', warranty_end: 'Warranty ends', code: 'Model code', product_line: 'Product line', warranty_months: 'Warranty months', active: 'Active', reason: 'Reason for the correction',
    part_no: 'Part number', models: 'Fits models', price_fen: 'Price', consumable: 'Consumable', serial_tracked: 'Tracked by serial', min_stock: 'Minimum stock', location: 'Location', on_hand: 'On hand', unit: 'Unit',
    username: 'User name', display_name: 'Name', role: 'Role', failed_logins: 'Failed sign-ins', locked_until: 'Locked until', product_lines: 'Product lines',
    project: 'Project', every: 'Every', start_date: 'Starts on', fixed_dates: 'Fixed dates', next_due: 'Next due', lead_days: 'Lead days', engineer_id: 'Engineer', checklist: 'Checklist',
    effective_from: 'Effective from', rules: 'Fee rules', starts_at: 'Starts at', worked_on: 'Day worked', started_at: 'Started at', finished_at: 'Finished at', minutes: 'Minutes', ends_at: 'Ends at', place: 'Place', cancelled: 'Cancelled',
    company: 'Company', ticket_number_pattern: 'Ticket number pattern', time_zone: 'Time zone', sla: 'Service levels', calendar: 'Working calendar', approval_threshold_fen: 'Approval threshold', follow_up: 'Follow-up rules', contact_within_minutes: 'Contact within (minutes)',
    returns: 'Returns', printing: 'Printing', serial_batch_prefix: 'Batch prefix',
    // official holiday arrangement, accepted per year
    // 三包 exchanges and returns
    old_device_id: 'Unit taken back', new_device_id: 'New unit for the customer', rule: 'Three-Guarantees rule applied', rule_params: 'Rule parameters', override_reason: 'Supervisor’s reason', price_paid_fen: 'Price paid (invoice)', refunded_fen: 'Refunded for the return', refund_method: 'Refund method', sanbao: 'Three-Guarantees terms',
    year: 'Year', digest: 'Data version', days: 'Days', source: 'Data source',
    // loaners, defective stock, returns to the factory
    loaner_id: 'Loaner', deposit_fen: 'Deposit', lent_at: 'Lent at', due_on: 'Due back', returned_at: 'Returned at', return_condition: 'Condition when returned', refund_fen: 'Deposit refunded', kept_reason: 'Why deposit kept',
    origin: 'Origin', part_id: 'Part', ticket_part_id: 'Service record part', batch: 'Batch', fault_code: 'Fault code', quantity: 'Quantity', scrapped: 'Scrapped',
    supplier: 'Supplier', reject_reason: 'Rejection reason', sent_at: 'Sent at', return_id: 'Factory return', defective_id: 'Defective item', credit_fen: 'Credited',
    file: 'Backup file', safety_copy: 'Safety copy before the restore', by: 'By', tickets: 'Tickets',
    // host mode
    lan_enabled: 'Host mode', idle_minutes: 'Sign out after idle (minutes)', revoked: 'Revoked',
  },
};
