#!/usr/bin/env node
import { main } from '../dist/cli/process.js';

await main();
