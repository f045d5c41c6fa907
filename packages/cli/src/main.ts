#!/usr/bin/env node
// Haimian CLI entry point.
import { ENGINE_VERSION } from '@haimian/engine';
console.log(`haimian ${ENGINE_VERSION}`);
