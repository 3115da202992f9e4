/**
 * Reads every `new BrowserWindow({...})` in electron/main from source (TypeScript's parser, not a
 * regex) and checks its webPreferences are exactly SECURE_WEB_PREFERENCES plus a preload. Windows
 * spell the values out so Electronegativity can see them; this keeps them from drifting.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SECURE_WEB_PREFERENCES } from '../../../electron/policy/web-preferences';

const MAIN_DIR = path.resolve(__dirname, '../../../electron/main');
const NOT_A_LITERAL = Symbol('not a literal');

type Found = { file: string; line: number; prefs: Record<string, unknown> | null };

function literal(node: ts.Expression): unknown {
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isStringLiteralLike(node)) return node.text;
  return NOT_A_LITERAL;
}

function webPreferencesOf(options: ts.Expression | undefined): Record<string, unknown> | null {
  if (!options || !ts.isObjectLiteralExpression(options)) return null;
  const prop = options.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'webPreferences');
  if (!prop || !ts.isPropertyAssignment(prop) || !ts.isObjectLiteralExpression(prop.initializer)) return null;
  const out: Record<string, unknown> = {};
  for (const p of prop.initializer.properties) {
    // A spread or computed key would hide values from Electronegativity and from this test.
    if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name)) return null;
    out[p.name.text] = literal(p.initializer);
  }
  return out;
}

function browserWindows(): Found[] {
  const found: Found[] = [];
  for (const name of fs.readdirSync(MAIN_DIR).filter((f) => f.endsWith('.ts'))) {
    const file = path.join(MAIN_DIR, name);
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node)) {
        const callee = node.expression;
        const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        if (calleeName === 'BrowserWindow') {
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          found.push({ file: name, line, prefs: webPreferencesOf(node.arguments?.[0]) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('window options built from source', () => {
  const windows = browserWindows();

  it('finds the main window', () => {
    expect(windows.map((w) => w.file)).toContain('window.ts');
  });

  it.each(windows.map((w) => [`${w.file}:${w.line}`, w] as const))('%s uses the secure webPreferences', (_where, w) => {
    expect(w.prefs, 'webPreferences must be an object literal without spreads').not.toBeNull();
    const { preload, ...rest } = w.prefs ?? {};
    expect(rest).toEqual({ ...SECURE_WEB_PREFERENCES });
    // The preload is a path computed at run time; anything else must be a literal.
    if (preload !== undefined) expect(preload).toBe(NOT_A_LITERAL);
  });
});
