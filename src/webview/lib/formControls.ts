/**
 * The form pages' controls (pitch, agreement, context form): VS Code's own look, from
 * @vscode-elements/elements. Each page imports the components it uses (only their types are
 * imported here), so a page carries only what it shows.
 * A control's label is a `<label for>` beside it (a click focuses the control) and its `label`
 * property, which names the input inside the control's shadow root for a screen reader.
 * Every value is set as a property: text, never markup.
 */
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import type { VscodeTextarea } from '@vscode-elements/elements/dist/vscode-textarea/vscode-textarea.js';
import { h, icon } from './dom';

export type TextControl = VscodeTextfield | VscodeTextarea;

export interface TextOptions {
  id: string;
  label: string;
  value: string;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  disabled?: boolean;
  describedBy?: string;
  name?: string;
  onInput?: (value: string, control: TextControl) => void;
}

/** A text field or text area; `onInput` gets every change as the user types. */
export function textControl(o: TextOptions): TextControl {
  const control = o.multiline
    ? h('vscode-textarea', { id: o.id, name: o.name, rows: o.rows ?? 3, resize: 'vertical', 'aria-describedby': o.describedBy, spellcheck: 'true' })
    : h('vscode-textfield', { id: o.id, name: o.name, 'aria-describedby': o.describedBy, spellcheck: 'true' });
  control.label = o.label;
  control.value = o.value;
  if (o.placeholder) control.placeholder = o.placeholder;
  control.disabled = !!o.disabled;
  if (o.onInput) control.addEventListener('input', () => o.onInput!(control.value, control));
  return control;
}

export type NativeTextControl = HTMLInputElement | HTMLTextAreaElement;

/**
 * The same field as the platform's `<input>` or `<textarea>` in VS Code's look (media/webview.css:
 * the input theme colours, the focus outline). A page that uses only these carries no Lit and no
 * web components: about 35 KB less script.
 */
export function nativeTextControl(o: Omit<TextOptions, 'onInput'> & { onInput?: (value: string) => void }): NativeTextControl {
  const attrs = { id: o.id, name: o.name, 'aria-describedby': o.describedBy, spellcheck: 'true', placeholder: o.placeholder };
  const control: NativeTextControl = o.multiline ? h('textarea', { ...attrs, rows: o.rows ?? 3 }) : h('input', { ...attrs, type: 'text' });
  control.value = o.value;
  control.disabled = !!o.disabled;
  if (o.onInput) control.addEventListener('input', () => o.onInput!(control.value));
  return control;
}

/** A label, its control and, optionally, a hint under it. */
export function fieldBlock(id: string, label: string | HTMLElement, control: HTMLElement, hint?: HTMLElement | null, extra = ''): HTMLDivElement {
  const labelEl = typeof label === 'string' ? h('label', { for: id }, label) : label;
  // A label's click reaches a custom control but does not focus it: focus it, as a native label would.
  labelEl.addEventListener('click', () => control.focus());
  return h('div', { class: `field ${extra}`.trim() }, labelEl, control, hint ?? null);
}

export interface ButtonOptions {
  label: string;
  icon?: string;
  iconAfter?: string;
  secondary?: boolean;
  id?: string;
  title?: string;
  disabled?: boolean;
  onClick?: () => void;
}

/**
 * A button in VS Code's look: the platform's `<button>`, primary or secondary
 * (media/webview.css), its codicons before or after the label. `vscode-button` brought about
 * 12 KB (with its icon) and Lit into each page.
 */
export function button(o: ButtonOptions): HTMLButtonElement {
  const b = h('button', { type: 'button', id: o.id, title: o.title, class: o.secondary ? 'secondary' : 'primary' }, o.icon ? icon(o.icon) : null, o.label, o.iconAfter ? icon(o.iconAfter) : null);
  b.disabled = !!o.disabled;
  if (o.onClick) b.addEventListener('click', () => !b.disabled && o.onClick!());
  return b;
}

export interface SelectOption {
  value: string;
  label: string;
  description?: string;
}

/**
 * A drop-down: the platform's `<select>` in VS Code's look (media/webview.css: the dropdown
 * theme colours, the focus outline, High Contrast's dashed one), its keyboard and its list as
 * the browser gives them. `vscode-single-select` cost about 50 KB of script on each page that
 * used it, more than the page itself. An option's description is its tooltip.
 */
export function singleSelect(o: { id: string; label: string; value: string; options: readonly SelectOption[]; disabled?: boolean; describedBy?: string; onChange?: (value: string) => void }): HTMLSelectElement {
  const select = h('select', { id: o.id, 'aria-describedby': o.describedBy });
  for (const op of o.options) {
    const option = h('option', { value: op.value, title: op.description }, op.label);
    if (op.value === o.value) option.selected = true;
    select.appendChild(option);
  }
  select.value = o.value;
  select.disabled = !!o.disabled;
  if (o.onChange) select.addEventListener('change', () => o.onChange!(select.value));
  return select;
}

/**
 * A checkbox with its label: the platform's `<input type="checkbox">` drawn as VS Code's own
 * (media/webview.css `.vsc-checkbox`: the settings checkbox colours, a codicon check, the focus
 * outline), inside its `<label>`. `vscode-checkbox` brought about 10 KB of script (with the
 * form widgets' base only it used) to the page that showed it.
 */
export function checkbox(o: { id: string; label: string; checked: boolean; disabled?: boolean; onChange?: (checked: boolean) => void }): HTMLLabelElement {
  const box = h('input', { type: 'checkbox', id: o.id, class: 'vsc-checkbox' });
  box.checked = o.checked;
  box.disabled = !!o.disabled;
  if (o.onChange) box.addEventListener('change', () => o.onChange!(box.checked));
  return h('label', { class: 'vsc-checkbox-label' }, box, h('span', {}, o.label));
}
