// The import boundaries of web/README.md: a feature never imports another feature (pages that need
// several are composed in app/), and lib/, components/ and i18n/ import no feature and not app/.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

/**
 * Feature imports that predate this check, as "from -> to". The list may only shrink: the test
 * fails on a crossing not listed here and on a listed one that no longer occurs.
 */
const KNOWN_CROSSINGS: string[] = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The relative specifiers of every import and re-export in a file. */
function relativeImports(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*'(\.[^']*)'/g)) found.push(m[1]!);
  for (const m of source.matchAll(/(?:^|\n)\s*import\s*'(\.[^']*)'/g)) found.push(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*'(\.[^']*)'\s*\)/g)) found.push(m[1]!);
  return found;
}

/** Where a file lives: 'features/<name>', or its top folder under src ('lib', 'app', …). */
function area(file: string): string {
  const parts = relative(SRC, file).split(sep);
  if (parts[0] === 'features' && parts.length > 2) return `features/${parts[1]}`;
  return parts.length > 1 ? parts[0]! : '.';
}

function crossings() {
  const features = new Set<string>();
  const shared: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = area(file);
    for (const spec of relativeImports(readFileSync(file, 'utf8'))) {
      const to = area(resolve(dirname(file), spec) + '.ts');
      if (from.startsWith('features/') && to.startsWith('features/') && to !== from) {
        features.add(`${from.slice(9)} -> ${to.slice(9)}`);
      }
      if (['lib', 'components', 'i18n'].includes(from) && (to.startsWith('features/') || to === 'app')) {
        shared.push(`${relative(SRC, file)} imports ${spec}`);
      }
    }
  }
  return { features: [...features].sort(), shared };
}

describe('import boundaries', () => {
  it('finds the specifiers of imports, re-exports and dynamic imports', () => {
    const source = [
      "import { a } from '../x';",
      'import type {\n  B,\n  C,\n} from "pkg";',
      "import type {\n  D,\n} from '../../y/z';",
      "export { e } from './e';",
      "import './side-effect';",
      "const m = import('../lazy');",
    ].join('\n');
    expect(relativeImports(source)).toEqual(['../x', '../../y/z', './e', './side-effect', '../lazy']);
  });

  it('no feature imports another feature beyond the known crossings', () => {
    expect(crossings().features).toEqual([...KNOWN_CROSSINGS].sort());
  });

  it('lib/, components/ and i18n/ import no feature and not app/', () => {
    expect(crossings().shared).toEqual([]);
  });
});
