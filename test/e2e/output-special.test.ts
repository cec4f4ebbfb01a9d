import { execFileSync } from 'node:child_process';
import { closeSync, constants, lstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/repo.js';

describe('-o to something that is not a file', () => {
  // A report written through a temporary file and a rename put a regular file in the place of a
  // named pipe, and of /dev/null itself when run as root (`-o /dev/null`).
  it('writes the report into a named pipe and leaves the pipe a pipe', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'a.txt': 'nothing here\n' });
    const pipe = join(dir, 'report.pipe');
    execFileSync('mkfifo', [pipe]);
    // A reader that does not block: the report (far below a pipe's 64 KiB) waits in the pipe.
    const reader = openSync(pipe, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const run = await keyscan(['-f', 'json', '-o', pipe, 'a.txt'], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      expect(lstatSync(pipe).isFIFO()).toBe(true);
      const report = JSON.parse(readFileSync(reader, 'utf8')) as { findings: unknown[] };
      expect(report.findings).toEqual([]);
    } finally {
      closeSync(reader);
    }
  });
});
