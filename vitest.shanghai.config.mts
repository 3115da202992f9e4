/**
 * The second pass of the unit and service tests, in Asia/Shanghai (the first runs in UTC): it catches code that
 * reads the process's own time zone instead of the desk's. It runs every unit test and the service files whose
 * code turns instants into desk days (deadlines, numbers, statistics, exports, slips' dates, plans, follow-ups,
 * 三包 periods, loans); the rest (fuzzing, crashes, archives, permissions, search, imports, the host) would only
 * repeat the first pass.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.mjs';

const DESK_DAY_SERVICES = [
  'desk-clock', 'tickets', 'lifecycle', 'follow-up', 'statistics', 'statistics-upkeep', 'on-time', 'workbook', 'exports', 'slip-facts',
  'maintenance', 'official-holidays', 'labour', 'fees', 'returns', 'return-ticket', 'sanbao', 'factory', 'demo',
];

// Replaces the include list (merging configs would add to it).
export default defineConfig({ ...base, test: { ...base.test, include: ['tests/unit/**/*.test.ts', ...DESK_DAY_SERVICES.map((name) => `tests/service/${name}.test.ts`)] } });
