export * from './labels';
export { type ContextEntry, type ContextProblem, type ParsedContext, communityName, normalizeContextValue, parseContext } from './parse';
export { type ContextUpdate, type TextEdit, updateContext } from './update';
export { renderContext } from './render';
