/**
 * Reading an uploaded zip defensively: a bounded number of entries, a bounded declared size
 * (fflate inflates into a buffer of the declared size, so a lying header cannot grow it), no
 * entry names that climb out of the archive, and only the entries we actually need inflated.
 */
import { strFromU8, unzipSync } from 'fflate';
import { ServiceError } from '../../errors.ts';

export const ZIP_LIMITS = { maxEntries: 2000, maxTotalBytes: 50 * 1024 * 1024 } as const;

const bad = (message: string) => new ServiceError('INVALID_INPUT', message);

/** A path that stays inside the archive: relative, forward slashes, no "..", no drive letters. */
export function isSafeEntryName(name: string): boolean {
  if (!name || name.length > 400 || name.includes('\\') || name.includes('\0')) return false;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return false;
  return name.split('/').every((part) => part !== '..' && part !== '.');
}

/** Inflate the wanted text entries of a zip; INVALID_INPUT on anything suspicious. */
export function readZipText(bytes: Uint8Array, wanted: readonly string[], limits = ZIP_LIMITS): Map<string, string> {
  let entries = 0;
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        if (++entries > limits.maxEntries) throw bad(`The zip has more than ${limits.maxEntries} entries.`);
        if (!isSafeEntryName(file.name)) throw bad(`The zip contains an unsafe entry name: ${JSON.stringify(file.name.slice(0, 80))}.`);
        total += file.originalSize;
        if (total > limits.maxTotalBytes) throw bad(`The zip would unpack to more than ${limits.maxTotalBytes / 1024 / 1024} MiB.`);
        return wanted.includes(file.name);
      },
    });
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    throw bad('The upload is not a readable zip file.');
  }
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) {
    try {
      out.set(name, strFromU8(data));
    } catch {
      throw bad(`${name} is not UTF-8 text.`);
    }
  }
  return out;
}
