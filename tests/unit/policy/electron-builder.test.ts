/**
 * The installer configuration: checked against electron-builder's own schema (the installer cannot
 * be built on machines without the Electron download) and for the choices the desk depends on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const require = createRequire(path.join(root, 'package.json'));
// js-yaml and the validator come with electron-builder (pinned); the validator is not a public
// export, hence the path, but it is what `electron-builder` runs first on every build.
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, log: { warn(m: string): void; info(m: string): void }): Promise<void>;
};

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  win: { icon: string; target: { target: string }[] };
  nsis: { perMachine: boolean; oneClick: boolean; createDesktopShortcut: string | boolean; installerLanguages: string[]; shortcutName: string; deleteAppDataOnUninstall: boolean };
  linux: { icon: string; target: string[] };
}

const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('matches electron-builder’s schema', async () => {
    const warnings: string[] = [];
    await validateConfiguration(config, { warn: (m) => warnings.push(m), info: () => {} });
    expect(warnings).toEqual([]);
  });

  it('builds a per-user NSIS installer in Chinese and English with a desktop shortcut', () => {
    expect(config).toMatchObject({ appId: 'com.aftercare.desk', productName: 'Aftercare', npmRebuild: true });
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ perMachine: false, oneClick: false, createDesktopShortcut: 'always', shortcutName: '售后服务中心' });
    expect(config.nsis.installerLanguages).toEqual(['zh_CN', 'en_US']);
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('packs the build output, unpacks the SQLite binding, and has its icons', () => {
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(config.asarUnpack.some((p) => p.includes('better-sqlite3') && p.endsWith('.node'))).toBe(true);
    for (const icon of [config.win.icon, config.linux.icon]) expect(fs.existsSync(path.join(root, icon)), icon).toBe(true);
    const png = fs.readFileSync(path.join(root, 'resources/icon.png'));
    // PNG IHDR: width and height are big-endian at bytes 16 and 20; Linux and the builder want ≥ 512.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
