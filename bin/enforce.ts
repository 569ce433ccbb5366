#!/usr/bin/env node
import { main } from '../local/cli/main.ts';

// A reader that stops early (`enforce case … | head`) closes the pipe. Output then goes nowhere, as with any Unix
// tool, but the command itself runs to its end: what it writes to the data directory is finished and closed properly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
