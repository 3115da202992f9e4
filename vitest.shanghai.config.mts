/**
 * The second pass of the unit and service tests, in Asia/Shanghai (the first runs in UTC): it catches code that
 * reads the process's own time zone instead of the desk's. Left out are the files whose code reads no desk day
 * or local time at all (fuzzing, crashes, archives, permissions, search, imports, the process relay): they
 * would only repeat the first pass.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.mjs';

const NO_DESK_DAY = [
  'fuzz-contract', 'fuzz-http', 'fuzz-findings', 'crash-safety', 'zip-bomb', 'core-relay', 'disk-full', 'busy', 'db-nested-writes',
  'audit-words', 'auth', 'roles', 'text-safety', 'fault-search', 'ticket-list-search', 'imports', 'knowledge', 'master-data',
  'packed-fees', 'part-units', 'start-check', 'host',
];

export default mergeConfig(base, defineConfig({ test: { exclude: NO_DESK_DAY.map((name) => `tests/service/${name}.test.ts`) } }));
