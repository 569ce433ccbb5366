/**
 * zod's English messages for the schemas written with zod/mini, as the classic API registers them (mini registers
 * none: its default message is "Invalid input"). Imported for this effect by every module that uses zod/mini.
 *
 * Why mini: the schemas every step bundles (contracts/steps.ts, contracts/partner-answers.ts, the calendar and the
 * staff directory), the intake bus's events and settle's commands are written with zod/mini, the functional API
 * over zod's core; the classic API adds its methods, its locales' loader and the JSON Schema generator to a bundle,
 * about 75 KiB of a step's (BENCHMARKS.md). Classic and mini schemas share the core: they validate alike and nest
 * in each other. Import zod/mini as a namespace in each module (`import * as z from 'zod/mini'`), never
 * re-exported: a namespace passed on as a value cannot be tree-shaken and brings all of zod with it.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

if (!config().localeError) config(en());
