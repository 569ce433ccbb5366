#!/usr/bin/env node
// The CLI's entry is bin/enforce.mjs (plain JavaScript, see there); this name still works.
import './enforce.mjs';
