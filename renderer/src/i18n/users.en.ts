/** UI words of user accounts in English: the same keys as Chinese (the type makes a missing key a compile error). */
import type { UsersStrings } from './users.zh-CN';

export const usersEn: UsersStrings = {
  title: 'Users',
  add: 'Add user',
  username: 'User name',
  displayName: 'Display name',
  role: 'Role',
  active: 'Active',
  status: 'Status',
  locked: 'Locked',
  activeYes: 'Active',
  activeNo: 'Inactive',
  productLines: 'Product lines',
  productLinesHint: 'Type and press Enter to add',
  password: 'Initial password',
  newPassword: 'New password',
  resetPassword: 'Reset password',
  resetTitle: 'Reset the password of {{name}}',
  createTitle: 'Add user',
  editTitle: 'Edit user {{name}}',
  actions: 'Actions',
  passwordReset: 'Password reset',
};
