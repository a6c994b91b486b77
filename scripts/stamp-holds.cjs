/**
 * Whether a build's stamp (scripts/stamp.mjs) still holds. CommonJS with built-in modules only, so
 * bin/innerchord.js checks the CLI build without node's ES module loader (scripts/snapshot-start.cjs).
 */
'use strict';
const { statSync } = require('node:fs');
const path = require('node:path');

/** True when every recorded file under `root` still has its recorded size and mtime (or is still absent): one stat per row. */
function stampHolds(rows, root) {
  if (!Array.isArray(rows) || rows.length === 0) return false;
  for (const [file, size, mtime] of rows) {
    const s = statSync(`${root}${path.sep}${file}`, { throwIfNoEntry: false });
    // Recorded as absent (size -1): holds only while it is still absent.
    if (!s) {
      if (size !== -1) return false;
    } else if ((s.isDirectory() ? 0 : s.size) !== size || Math.round(s.mtimeMs) !== mtime) return false;
  }
  return true;
}

module.exports = { stampHolds };
