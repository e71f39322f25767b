// What the bundles take from js-yaml: the safe loader and dumper and the core schema. The
// JavaScript types of the full schema (functions, regexps) are left out: the extension never
// loads or writes anything but the core schema. gray-matter's own engines read safeLoad and
// safeDump when they load, but are never called (the front matter wrapper replaces them).
'use strict';
const loader = require('js-yaml/lib/js-yaml/loader.js');
const CORE_SCHEMA = require('js-yaml/lib/js-yaml/schema/core.js');
const YAMLException = require('js-yaml/lib/js-yaml/exception.js');
const dumper = require('js-yaml/lib/js-yaml/dumper.js');

module.exports = { safeLoad: loader.safeLoad, safeDump: dumper.safeDump, CORE_SCHEMA, YAMLException };
