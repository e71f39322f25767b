/**
 * "Language of the text": English or Deutsch, each named in its own language, as a segmented
 * control. One control for every page that writes a text for the partner (the pitch, the
 * agreement); the host remembers the pick (src/host/textLanguage.ts) for the next one.
 */
import { l10n } from '../../core/l10n';
import { TEXT_LANGUAGES, TEXT_LANGUAGE_NAMES, type TextLanguage } from '../../core/textLanguage';
import { h } from './dom';

export interface TextLanguageView {
  label: string;
  options: { value: TextLanguage; title: string; checked: boolean }[];
}

/** What the picker shows for `language`, without the DOM (tested in plain Node). */
export function textLanguageView(language: TextLanguage): TextLanguageView {
  return {
    label: l10n.t('Language of the text'),
    options: TEXT_LANGUAGES.map((l) => ({ value: l, title: TEXT_LANGUAGE_NAMES[l], checked: l === language })),
  };
}

/**
 * The picker as a field: `onPick` is called with the language picked. `name` keeps the radio
 * group's ids apart from any other on the page.
 */
export function textLanguagePicker(language: TextLanguage, onPick: (language: TextLanguage) => void, o: { name?: string; disabled?: boolean } = {}): HTMLElement {
  const view = textLanguageView(language);
  const name = o.name ?? 'language';
  const group = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': view.label });
  for (const option of view.options) {
    const id = `${name}-${option.value}`;
    const radio = h('input', { type: 'radio', name, id, value: option.value, checked: option.checked, disabled: o.disabled });
    radio.addEventListener('change', () => onPick(option.value));
    group.append(radio, h('label', { for: id, lang: option.value }, option.title));
  }
  return h('div', { class: 'field' }, h('div', { class: 'label' }, view.label), group);
}
