// Opens one slide file by its extension and reads it into the neutral model; every failure is an ImportError.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { ImportError } from './errors.js';
import type { SourceDeck } from './model.js';

/** Larger files are refused: a deck's text is far smaller, and reading a huge file would stall the machine. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

const FORMATS: Record<string, SourceDeck['format']> = { '.pptx': 'pptx', '.pdf': 'pdf', '.md': 'markdown', '.markdown': 'markdown' };

export async function readDeck(path: string): Promise<SourceDeck> {
  const name = basename(path);
  const format = FORMATS[extname(path).toLowerCase()];
  if (!format) {
    const hint = extname(path).toLowerCase() === '.ppt' ? ' (save it as .pptx first)' : extname(path).toLowerCase() === '.key' ? ' (export it as .pptx or PDF first)' : '';
    throw new ImportError('UNKNOWN_FORMAT', `${path}: cannot import this kind of file${hint}; give .pptx, .pdf or .md files`);
  }
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new ImportError('MISSING_FILE', `${path} is not a file`);
    size = s.size;
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError('MISSING_FILE', `${path}: no such file`, { cause: err });
  }
  if (size > MAX_FILE_BYTES) throw new ImportError('TOO_LARGE', `${path} is ${Math.round(size / 1048576)} MB; the import reads files up to ${MAX_FILE_BYTES / 1048576} MB`);
  const data = await readFile(path);
  try {
    if (format === 'pptx') return await (await import('./read-pptx.js')).readPptx(name, data);
    if (format === 'pdf') return await (await import('./read-pdf.js')).readPdf(name, data);
    return (await import('./read-markdown.js')).readMarkdown(name, data.toString('utf8'));
  } catch (err) {
    // Readers name the file as the pack will cite it; the error names it as the trainer typed it.
    if (err instanceof ImportError) {
      if (path !== name && err.message.startsWith(name)) throw new ImportError(err.code, `${path}${err.message.slice(name.length)}`, { cause: err.cause });
      throw err;
    }
    // Anything else a reader trips over is still this file's fault as far as the trainer can act on it.
    throw new ImportError('CORRUPT', `${path} could not be read (${(err as Error)?.message ?? String(err)})`, { cause: err });
  }
}
