// The user setting that makes the VS Code server run an extension that has both a `main` and a
// `browser` entry in the web worker extension host (see the README, "Run it and test it").
export const EXTENSION_ID = 'community-partnerships.community-partnerships';
export const WEB_HOST_SETTINGS = { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } };
