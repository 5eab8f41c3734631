/**
 * Every RoleReady setting, declared once: its environment key, kind, default, bounds, description and whether it
 * is a secret. loadConfig (config.ts) parses them into the nested Config, and .env.example is generated from them
 * (`npm run docs`, env-example.ts). The order here is the order of .env.example; a `section` starts a new group.
 */
import { CONTENT_SETTINGS } from './content.settings.js'
import { SERVER_SETTINGS } from './server.settings.js'
import { SERVICE_SETTINGS } from './services.settings.js'
import type { Setting, ValueOf } from './setting-kinds.js'

export const SETTINGS: Readonly<typeof SERVER_SETTINGS & typeof CONTENT_SETTINGS & typeof SERVICE_SETTINGS> = {
  ...SERVER_SETTINGS,
  ...CONTENT_SETTINGS,
  ...SERVICE_SETTINGS,
}

export type SettingKey = keyof typeof SETTINGS

/** Every setting's parsed value (its default when unset), by key. */
export type SettingValues = { readonly [K in SettingKey]: ValueOf<(typeof SETTINGS)[K]> }

/** The settings as a list of [key, setting] pairs, in declaration order. */
export const SETTING_LIST = Object.entries(SETTINGS) as [SettingKey, Setting<unknown>][]

/** A setting's default value. */
export function settingDefault<K extends SettingKey>(key: K): SettingValues[K] {
  return SETTINGS[key].default as SettingValues[K]
}
