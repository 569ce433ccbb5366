/**
 * Writes one section of BENCHMARKS.md, between its own markers, and leaves everything else as it is (other
 * benchmarks write their own sections: the command-center queries, for one). A section not there yet is appended.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const BENCHMARKS_FILE = new URL('../../BENCHMARKS.md', import.meta.url);

const HEADER = `# Benchmarks

Measured on one machine with the commands given in each section (\`npm run bench\`; see docs/guide.md, "Benchmarks and the cost of a case").
Each section says what ran, where, when, and which numbers are measured and which are assumptions. Sections are
written by their own scripts and replaced as a whole when the script runs again.
`;

export function writeSection(id: string, markdown: string, file: URL = BENCHMARKS_FILE): void {
  const start = `<!-- bench:${id}:start -->`;
  const end = `<!-- bench:${id}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : HEADER;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${current.slice(0, from)}${block}${current.slice(to + end.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
}

/** A markdown table. */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
