export * from './labels';
export { type ContextEntry, type ContextProblem, type ContextProblemCode, type ParsedContext, communityName, normalizeContextValue, parseContext } from './parse';
export { type ContextUpdate, type TextEdit, updateContext } from './update';
export { renderContext } from './render';
export { restructureContext } from './restructure';
