/** The four roles of SPEC "Users and roles"; every API method names which of them may call it. */
export const ROLES = ['clerk', 'engineer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
