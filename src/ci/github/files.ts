/**
 * The files the runner reads after a step: `GITHUB_OUTPUT` (step outputs) and
 * `GITHUB_STEP_SUMMARY` (the job summary). Both are appended to, never overwritten: other steps
 * and other tools write to the same files.
 */
import { randomBytes } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { KeyscanError, systemErrorCode } from '../../errors.js';

/**
 * Appends `name=value` lines. A value with a line break uses the heredoc form with a random
 * delimiter, so a value can never end the block early and set another output.
 */
export async function appendOutputs(file: string, outputs: Readonly<Record<string, string>>): Promise<void> {
  let text = '';
  for (const [name, value] of Object.entries(outputs)) {
    if (!/[\r\n]/.test(value)) {
      text += `${name}=${value}\n`;
      continue;
    }
    const delimiter = `ghadelimiter_${randomBytes(16).toString('hex')}`;
    text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  }
  await append(file, text, 'GITHUB_OUTPUT');
}

export async function appendSummary(file: string, markdown: string): Promise<void> {
  await append(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'GITHUB_STEP_SUMMARY');
}

async function append(file: string, text: string, variable: string): Promise<void> {
  try {
    await appendFile(file, text, 'utf8');
  } catch (e) {
    throw new KeyscanError('E_OUTPUT', `cannot write ${variable} (${file}): ${systemErrorCode(e) ?? String(e)}`, { cause: e });
  }
}
