// What the bundles take from js-yaml: the safe loader and the core schema. The
// JavaScript types of the full schema (functions, regexps) are left out: the extension never
// loads or writes anything but the core schema. gray-matter's own engines read safeLoad and
// safeDump when they load, but are never called (the front matter wrapper replaces them).
'use strict';
const loader = require('js-yaml/lib/js-yaml/loader.js');
const CORE_SCHEMA = require('js-yaml/lib/js-yaml/schema/core.js');
const YAMLException = require('js-yaml/lib/js-yaml/exception.js');

// The writer is not here: the code that writes YAML imports js-yaml/lib/js-yaml/dumper.js itself,
// so that what only reads (the context parser, the record digest) does not load it.
// gray-matter reads `safeDump` when it loads and never calls it (see above).
const safeDump = () => {
  throw new Error('js-yaml: the writer is imported from js-yaml/lib/js-yaml/dumper.js');
};

module.exports = { safeLoad: loader.safeLoad, safeDump, CORE_SCHEMA, YAMLException };
