/**
 * A workspace-relative path from a setting, made safe: workspace settings come with the repo, so
 * a path that is absolute or climbs out of the folder (`..`) gives undefined (the caller uses its
 * default). Backslashes count as separators; empty and `.` parts are dropped.
 */
export function workspaceRelativePath(raw: string): string | undefined {
  const trimmed = raw.trim();
  const parts = trimmed.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
  if (/^([a-zA-Z]:|\/|~)/.test(trimmed) || parts.includes('..') || parts.length === 0) return undefined;
  return parts.join('/');
}
