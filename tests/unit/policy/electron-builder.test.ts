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

  it('unpacks every package a worker thread loads, with the packages those need', () => {
    // Worker threads load from plain files: every package their code imports (following the relative
    // imports from each `*-worker.ts`) and everything it depends on must be unpacked beside them.
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = fs.readFileSync(file, 'utf8');
      for (const [, specifier] of source.matchAll(/^(?:import|export)(?! type )[^;]*?from '([^']+)'/gms)) {
        if (specifier!.startsWith('.')) {
          const base = path.resolve(path.dirname(file), specifier!);
          visit(['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((f) => fs.existsSync(f)) ?? base);
        } else if (!specifier!.startsWith('node:')) packages.add(specifier!.split('/').slice(0, specifier!.startsWith('@') ? 2 : 1).join('/'));
      }
    };
    const core = path.join(root, 'electron/core');
    const workers = fs.readdirSync(core, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('-worker.ts'));
    expect(workers.length).toBeGreaterThanOrEqual(4);
    for (const worker of workers) visit(path.join(core, worker));
    const needed = new Set<string>();
    // Used only while installing (it fetches or builds the native binding), never loaded at run time.
    const installOnly = new Set(['prebuild-install']);
    // Its CommonJS build (xlsx.js) carries its dependencies inside; they are for the modular build.
    const selfContained = new Set(['xlsx']);
    const add = (name: string) => {
      if (needed.has(name) || installOnly.has(name)) return;
      needed.add(name);
      if (selfContained.has(name)) return;
      const manifest = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
      for (const dependency of Object.keys(manifest.dependencies ?? {})) add(dependency);
    };
    for (const name of packages) add(name);
    expect(needed).toContain('subset-font');
    const missing = [...needed].filter((name) => !config.asarUnpack.includes(`node_modules/${name}/**`));
    expect(missing).toEqual([]);
  });
});
