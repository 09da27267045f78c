import { createStore } from '../lib/store';
import { en } from './en';
import { nl, type Dictionary, type MessageKey } from './nl';

export type { MessageKey } from './nl';
export type Lang = 'nl' | 'en';

const dictionaries: Record<Lang, Dictionary> = { nl, en };
const STORAGE_KEY = 'voordeur.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export const langStore = createStore<Lang>(initialLang());

/** Switches the language, remembers it and keeps `<html lang>` in step. */
export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
  document.documentElement.lang = lang;
  langStore.set(lang);
}

export type Params = Record<string, string | number>;

/** Fills `{name}` parameters into a text. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The text for `key` in the current language. */
export function t(key: MessageKey, params?: Params): string {
  return format(dictionaries[langStore.get()][key], params);
}

export function hasKey(key: string): key is MessageKey {
  return key in nl;
}

/** Locale for Intl formatting of dates and numbers. */
export function locale(): string {
  return langStore.get() === 'en' ? 'en-GB' : 'nl-NL';
}
