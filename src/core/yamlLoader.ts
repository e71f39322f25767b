// js-yaml's loader and gray-matter: the YAML that the block reader (src/core/blockYaml.ts) gives up
// on, and the writer's checks of what it wrote (src/core/records/write.ts). Reached only through
// src/core/yamlLoaderChunk.ts, so that the Node host loads it on first use (a chunk of
// src/implementations.ts) and reading plain front matter never does.
import matter from 'gray-matter';
import * as yaml from 'js-yaml';
import { l10n } from './l10n';

/** YAML with js-yaml's safe loader and CORE_SCHEMA (duplicate keys are an error). */
export function loadYaml(text: string): unknown {
  return yaml.safeLoad(text, { schema: yaml.CORE_SCHEMA, json: false });
}

const refuse = (name: string) => (): never => {
  throw new Error(l10n.t('Front matter in {0} is not read: only YAML front matter is supported.', name));
};

// gray-matter's `javascript` engine calls `eval`: every engine it ships is replaced, the YAML one
// by the safe loader above. Passing options also keeps its global cache (keyed by file content,
// filled only when no options are given) empty.
const MATTER_OPTIONS = {
  language: 'yaml',
  engines: {
    yaml: { parse: loadYaml, stringify: refuse('yaml') },
    javascript: { parse: refuse('JavaScript'), stringify: refuse('JavaScript') },
    js: { parse: refuse('JavaScript'), stringify: refuse('JavaScript') },
    json: { parse: refuse('JSON'), stringify: refuse('JSON') },
    coffee: { parse: refuse('CoffeeScript'), stringify: refuse('CoffeeScript') },
    toml: { parse: refuse('TOML'), stringify: refuse('TOML') },
  },
} as unknown as Parameters<typeof matter>[1];

/**
 * gray-matter strips comment lines with `/^\s*#[^\n]+/gm`, which backtracks over every run of
 * blank lines (quadratic): past this size the same YAML goes to the same safe loader directly.
 */
const MATTER_MAX_CHARS = 16 * 1024;

/** YAML the block reader gave up on: gray-matter with the YAML-only engines, or the loader itself. */
export function loadComplexYaml(block: string, raw: string): unknown {
  if (raw.length > MATTER_MAX_CHARS) return loadYaml(raw);
  const file = matter(block, MATTER_OPTIONS);
  // gray-matter ends the block at the first "---" it finds, even inside a line such as "----";
  // when it read another region than the fenced one, that region's YAML is what counts.
  return file.matter.trim() === raw.trim() ? file.data : loadYaml(raw);
}
