// What the bundle takes from js-yaml: the safe loader and the core schema. The dumper and the
// JavaScript types of the full schema (functions, regexps) are left out: the extension never
// writes YAML with js-yaml and never loads anything but the core schema. gray-matter's own
// engines read safeLoad and safeDump when they load, but are never called (the front matter
// wrapper replaces them).
'use strict';
const loader = require('js-yaml/lib/js-yaml/loader.js');
const CORE_SCHEMA = require('js-yaml/lib/js-yaml/schema/core.js');
const YAMLException = require('js-yaml/lib/js-yaml/exception.js');

function notBundled() {
  throw new Error('js-yaml dump is not part of this bundle');
}

module.exports = { safeLoad: loader.safeLoad, CORE_SCHEMA, YAMLException, safeDump: notBundled };
