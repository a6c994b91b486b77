/**
 * An esbuild plugin for bundling our own modules: in a bundle every module's `import.meta.url` is
 * the bundle's, so a module that finds its data next to itself (lang/, prompts/, db/migrations,
 * its worker file) would look in the wrong folder. This rewrites `import.meta.url` in each of our
 * TypeScript files to the URL of that file's compiled twin in the one-file-per-module tree
 * (scripts/compile.mjs), computed from the bundle's own URL at run time, so the bundle and the
 * tree find the same files wherever the checkout is and whatever the working directory.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** `root`: the repository; `bundleDir`: where the bundle's chunks will live; `treeDir`: the compiled tree's root. */
export function metaUrlPlugin({ root, bundleDir, treeDir }) {
  return {
    name: 'innerchord-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        const rel = path.relative(root, args.path);
        if (rel.startsWith('..') || rel.split(path.sep).includes('node_modules')) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
        const twin = path.join(treeDir, rel.replace(/\.ts$/, '.js'));
        const fromBundle = path.relative(bundleDir, twin).split(path.sep).join('/');
        // One name per module; esbuild renames top-level clashes when it joins modules.
        const header = `const __moduleUrl = new URL(${JSON.stringify(fromBundle)}, import.meta.url).href;\n`;
        return { contents: header + source.replaceAll('import.meta.url', '__moduleUrl'), loader: 'ts' };
      });
    },
  };
}
