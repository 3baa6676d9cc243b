import { runCli } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in this process in `cwd` with an empty environment, capturing its output; `stdin`
 * is what standard input holds.
 */
export async function cliIn(
  cwd: string,
  args: string[],
  options: { stderrIsTTY?: boolean; stdin?: string } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd,
    env: {},
    ...(options.stderrIsTTY !== undefined && { stderrIsTTY: options.stderrIsTTY }),
    ...(options.stdin !== undefined && { readStdin: () => options.stdin! }),
  });
  return { code, stdout, stderr };
}
