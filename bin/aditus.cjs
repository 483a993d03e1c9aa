#!/usr/bin/env node
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { useCodeCache } = require('./code-cache.cjs');

const out = join(__dirname, '..', 'out', 'main');
const cli = join(out, 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('aditus: not built yet: run `npm run build` in ' + join(__dirname, '..') + '\n');
  process.exit(1);
}
useCodeCache(out);
require(cli);
