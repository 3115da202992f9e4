/** UI words of the first start (setting up the desk) in English: the same keys as Chinese (the type makes a missing key a compile error). */
import type { SetupStrings } from './setup.zh-CN';

export const setupEn: SetupStrings = {
  title: 'First run: create the administrator account',
  intro: 'This service desk is starting for the first time. Create the administrator account; use it to sign in and add other users.',
  username: 'User name',
  displayName: 'Display name',
  password: 'Password',
  passwordHint: 'At least 8 characters',
  password2: 'Password again',
  mismatch: 'The two passwords differ',
  loadDemo: 'Load demo data',
  loadDemoHint: 'Loads a service centre six months into its life (tickets, returns, fees, parts, knowledge base) with a demo account for each role; the sign-in screen lists them with their password.',
  submit: 'Create and start',
};
