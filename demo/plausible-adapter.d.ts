import type { ConsentAdapter } from '../src/core/adapter.js';

export declare function plausible(options?: { category?: string; src?: string }): ConsentAdapter;
