import type * as vscode from 'vscode';

/**
 * Every message from a webview goes through a router: checked against its zod schema from
 * src/webview/protocol.ts, handled when it matches, dropped and logged when it does not.
 * Handler errors are logged too; nothing a webview sends can throw out of the extension.
 */
export type Router = (raw: unknown) => Promise<void>;

export interface RouterStats {
  handled: number;
  dropped: number;
  failed: number;
}

/** A short, safe description of any value for the log. */
export function preview(raw: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(raw) ?? String(raw);
  } catch {
    s = Object.prototype.toString.call(raw);
  }
  return s.length > 200 ? s.slice(0, 200) + '…' : s;
}

/**
 * The routers of the webviews that are open now, by name. The extension's API hands this to
 * the integration tests, which drive the real handlers with hostile messages.
 */
export class LiveWebviews {
  /** `testing`: the extension runs under tests; otherwise no answer can be preset. */
  constructor(private readonly testing = false) {}

  private readonly routers = new Map<string, { router: Router; stats: RouterStats }>();

  add(name: string, router: Router, stats: RouterStats): vscode.Disposable {
    this.routers.set(name, { router, stats });
    return { dispose: () => this.routers.get(name)?.router === router && this.routers.delete(name) };
  }

  deliver(name: string, message: unknown): Promise<void> {
    const r = this.routers.get(name);
    if (!r) throw new Error(`no open webview named ${name}`);
    return r.router(message);
  }

  stats(name: string): RouterStats | undefined {
    return this.routers.get(name)?.stats;
  }

  names(): string[] {
    return [...this.routers.keys()];
  }

  /**
   * Modal questions a webview's action asks (a conflict before a write, say): tests cannot click
   * a modal, so they set the answer here first; every question asked is recorded for them.
   */
  readonly asked: { question: string; detail: string }[] = [];
  private readonly answers = new Map<string, boolean>();

  answerNext(question: string, answer: boolean): void {
    if (!this.testing) throw new Error('answers can be preset only under tests');
    this.answers.set(question, answer);
  }

  /** The answer a test set for this question (used once), or undefined: ask the user. */
  presetAnswer(question: string, detail: string): boolean | undefined {
    if (!this.testing) return undefined;
    this.asked.push({ question, detail });
    const answer = this.answers.get(question);
    this.answers.delete(question);
    return answer;
  }
}
