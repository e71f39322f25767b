/** Anything with a dispose method: a vscode.Disposable, an event subscription, a timer wrapper. */
export interface IDisposable {
  dispose(): unknown;
}

/** Disposes each, all of them even when one throws; the first error is thrown after. */
export function disposeAll(disposables: Iterable<IDisposable>): void {
  let first: unknown;
  for (const d of [...disposables]) {
    try {
      d.dispose();
    } catch (err) {
      first ??= err;
    }
  }
  if (first !== undefined) throw first;
}

/**
 * The base of every class that owns disposables: `_register()` what it creates, and `dispose()`
 * disposes them all, once, in reverse order of registration. Something registered after disposal
 * is disposed at once.
 */
export abstract class Disposable implements IDisposable {
  private _isDisposed = false;
  private readonly _disposables: IDisposable[] = [];

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    disposeAll(this._disposables.splice(0).reverse());
  }

  protected _register<T extends IDisposable>(value: T): T {
    if (this._isDisposed) value.dispose();
    else this._disposables.push(value);
    return value;
  }
}

/** A group of disposables that can be emptied and reused (what a webview view holds per page load). */
export class DisposableStore implements IDisposable {
  private readonly items = new Set<IDisposable>();

  add<T extends IDisposable>(value: T): T {
    this.items.add(value);
    return value;
  }

  /** Disposes what it holds and stays usable. */
  clear(): void {
    const all = [...this.items].reverse();
    this.items.clear();
    disposeAll(all);
  }

  dispose(): void {
    this.clear();
  }
}
