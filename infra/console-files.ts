/**
 * The console's files for the stack to deploy: `cdk synth` builds the console and the field app (console/build.ts,
 * the same bundles the local server serves) into console/dist/, which the ConsoleSite's BucketDeployment uploads.
 * The configuration (config.json: Cognito's sign-in, the API under /v1) is written by the stack itself, from
 * values known only at deployment.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { buildConsole, buildFieldApp } from '../console/build.ts';
import { PROJECT_ROOT } from './paths.ts';

export const CONSOLE_FILES_DIR = `${PROJECT_ROOT}/console/dist`;

/** Writes the console at the root and the field app under field/, replacing what was there; returns the directory. */
export async function writeConsoleFiles(dir: string = CONSOLE_FILES_DIR): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(`${dir}/field`, { recursive: true });
  const [site, field] = await Promise.all([buildConsole(), buildFieldApp()]);
  for (const [name, file] of Object.entries(site.files)) writeFileSync(`${dir}/${name}`, file.body);
  for (const [name, file] of Object.entries(field.files)) writeFileSync(`${dir}/field/${name}`, file.body);
  return dir;
}
