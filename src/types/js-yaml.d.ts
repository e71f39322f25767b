// Minimal typing for the js-yaml 3.x API this project uses (the package ships none).
declare module 'js-yaml' {
  export interface Schema { readonly __schema: true }
  export const CORE_SCHEMA: Schema;
  export interface LoadOptions { schema?: Schema; json?: boolean; filename?: string }
  export interface DumpOptions { schema?: Schema; lineWidth?: number; noRefs?: boolean; flowLevel?: number; sortKeys?: boolean }
  export function safeLoad(text: string, options?: LoadOptions): unknown;
  export class YAMLException extends Error {
    reason: string;
    mark?: { line: number; column: number };
  }
}

// The writer on its own, so that code which only reads YAML does not carry it (scripts/build.mjs).
declare module 'js-yaml/lib/js-yaml/dumper.js' {
  import type { DumpOptions } from 'js-yaml';
  export function safeDump(value: unknown, options?: DumpOptions): string;
}

// The core schema on its own (with its types' resolvers), without the loader: the block reader
// and the writer need only this (scripts/build.mjs).
declare module 'js-yaml/lib/js-yaml/schema/core.js' {
  import type { Schema } from 'js-yaml';
  const CORE_SCHEMA: Schema;
  export = CORE_SCHEMA;
}
