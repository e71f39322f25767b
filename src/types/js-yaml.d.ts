// Minimal typing for the js-yaml 3.x API this project uses (the package ships none).
declare module 'js-yaml' {
  export interface Schema { readonly __schema: true }
  export const CORE_SCHEMA: Schema;
  export interface LoadOptions { schema?: Schema; json?: boolean; filename?: string }
  export interface DumpOptions { schema?: Schema; lineWidth?: number; noRefs?: boolean; flowLevel?: number; sortKeys?: boolean }
  export function safeLoad(text: string, options?: LoadOptions): unknown;
  export function safeDump(value: unknown, options?: DumpOptions): string;
  export class YAMLException extends Error {
    reason: string;
    mark?: { line: number; column: number };
  }
}
