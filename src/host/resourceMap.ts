import type * as vscode from 'vscode';

/**
 * A map keyed by URI. Two Uri objects for the same resource are the same key (their string
 * form); callers never build string keys themselves.
 */
export class ResourceMap<V> {
  private readonly map = new Map<string, { uri: vscode.Uri; value: V }>();

  private static key(uri: vscode.Uri): string {
    return uri.toString();
  }

  get size(): number {
    return this.map.size;
  }

  get(uri: vscode.Uri): V | undefined {
    return this.map.get(ResourceMap.key(uri))?.value;
  }

  has(uri: vscode.Uri): boolean {
    return this.map.has(ResourceMap.key(uri));
  }

  set(uri: vscode.Uri, value: V): this {
    this.map.set(ResourceMap.key(uri), { uri, value });
    return this;
  }

  delete(uri: vscode.Uri): boolean {
    return this.map.delete(ResourceMap.key(uri));
  }

  clear(): void {
    this.map.clear();
  }

  *values(): IterableIterator<V> {
    for (const e of this.map.values()) yield e.value;
  }

  *keys(): IterableIterator<vscode.Uri> {
    for (const e of this.map.values()) yield e.uri;
  }

  *entries(): IterableIterator<[vscode.Uri, V]> {
    for (const e of this.map.values()) yield [e.uri, e.value];
  }
}
