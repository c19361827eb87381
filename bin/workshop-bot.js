#!/usr/bin/env node
// Entry point of the `workshop-bot` command: runs the compiled CLI.
import '../dist/src/app/cli.js';
