/**
 * Imported first by the action's entry, so that it runs before any other module of the bundle and
 * so before any pattern is compiled (see src/regex-guard.ts; bin/keyscan.js does the same for the CLI).
 */
import { enableBacktrackingFallback } from '../regex-guard.js';

enableBacktrackingFallback();
