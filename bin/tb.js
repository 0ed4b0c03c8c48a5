#!/usr/bin/env node
'use strict';
// The published entry point runs the compiled CLI; `npm ci` builds dist/ through the prepare script.
require('../dist/cli/main.js').main(process.argv);
