/**
 * Bumped whenever a definition changes. Every step payload carries it (`definition`), so each journal commit a step
 * writes, and each approval with the decisions and assignments made on it, records which definition ran.
 */
export const DEFINITION_VERSION = '2026.12.11';
