// The words of the tray menu, its tooltip and the OS notifications, in English and Japanese. Main
// can't use the renderer's i18n (layers), and these are few; the Japanese table must have every key.
import type { LanguagePref } from '../../../shared/contract-schemas';

export type TrayLocale = 'en' | 'ja';
export const TRAY_LOCALES: readonly TrayLocale[] = ['en', 'ja'];

const en = {
  'status.signedOut': 'Not signed in to Make',
  'status.needsSignIn': 'Sign in again to keep watching',
  'status.failing': '{count} failing',
  'status.warning': '{count} with warnings',
  'status.rateLimited': 'Rate-limited by Make until {time}',
  'status.offline': 'Offline',
  'status.paused': 'Notifications paused until {time}',
  'status.syncing': 'Syncing…',
  'status.ok': 'All good',
  'status.demo': 'Demo data',
  'tooltip.app': 'Make Tray',
  'menu.failingHeader': 'Failing',
  'menu.offByMake': '{name} (turned off by Make)',
  'menu.muted': '{name} (muted)',
  'menu.more': '{count} more failing…',
  'menu.runNow': 'Run now',
  'menu.running': 'Running…',
  'menu.turnOn': 'Turn on',
  'menu.turnOff': 'Turn off',
  'menu.openInMake': 'Open in Make',
  'menu.mute': 'Mute',
  'menu.unmute': 'Unmute',
  'menu.orgsHeader': 'Organizations',
  'menu.org.ok': '{name}: all good',
  'menu.org.failing': '{name}: {count} failing',
  'menu.org.offline': '{name}: offline',
  'menu.org.rateLimited': '{name}: rate-limited until {time}',
  'menu.org.syncing': '{name}: syncing…',
  'menu.org.problem': '{name}: {problem}',
  'menu.org.notWatched': '{name}: not watched',
  'menu.org.refresh': 'Refresh this organization',
  'menu.org.stopWatching': 'Stop watching',
  'menu.org.watch': 'Watch',
  'menu.connect': 'Connect a Make account…',
  'menu.refresh': 'Refresh now',
  'menu.pause': 'Pause notifications',
  'menu.pausedUntil': 'Notifications paused until {time}',
  'menu.pause1h': 'For 1 hour',
  'menu.pauseTomorrow': 'Until tomorrow morning',
  'menu.resume': 'Resume notifications',
  'menu.open': 'Open Make Tray',
  'menu.settings': 'Settings…',
  'menu.quit': 'Quit Make Tray',
  'notify.failure.one': '{org}Failed {when}',
  'notify.failure.many': '{org}Failed {count} times, last {when}',
  'notify.warning': '{org}Finished with warnings {when}',
  'notify.offByMake': '{org}Make turned this scenario off {when}',
  'notify.offByMake.hint': 'Fix it in Make, then turn it on again.',
  'notify.fixed': '{org}Ran successfully again {when}',
  'notify.noMessage': 'See the run history for details.',
  'notify.summary.title': '{count} scenarios need attention',
  'notify.summary.body': '{first} and {others} more',
  'notify.summary.bodyOne': '{first}',
  'notify.unnamed': 'A scenario',
  'notify.action.runAgain': 'Run again',
  'notify.action.mute': 'Mute',
  'when.today': 'at {time}',
  'when.other': 'on {date}',
} as const;

export type StringKey = keyof typeof en;

const ja: Record<StringKey, string> = {
  'status.signedOut': 'Make にログインしていません',
  'status.needsSignIn': '監視を続けるには再ログインしてください',
  'status.failing': '{count} 件エラー',
  'status.warning': '{count} 件警告',
  'status.rateLimited': '{time} まで Make のレート制限中',
  'status.offline': 'オフライン',
  'status.paused': '{time} まで通知を一時停止中',
  'status.syncing': '同期中…',
  'status.ok': 'すべて正常',
  'status.demo': 'デモデータ',
  'tooltip.app': 'Make Tray',
  'menu.failingHeader': 'エラー',
  'menu.offByMake': '{name}（Make により停止）',
  'menu.muted': '{name}（ミュート中）',
  'menu.more': 'ほか {count} 件のエラー…',
  'menu.runNow': '今すぐ実行',
  'menu.running': '実行中…',
  'menu.turnOn': 'オンにする',
  'menu.turnOff': 'オフにする',
  'menu.openInMake': 'Make で開く',
  'menu.mute': 'ミュート',
  'menu.unmute': 'ミュートを解除',
  'menu.orgsHeader': '組織',
  'menu.org.ok': '{name}：すべて正常',
  'menu.org.failing': '{name}：{count} 件エラー',
  'menu.org.offline': '{name}：オフライン',
  'menu.org.rateLimited': '{name}：{time} までレート制限中',
  'menu.org.syncing': '{name}：同期中…',
  'menu.org.problem': '{name}：{problem}',
  'menu.org.notWatched': '{name}：監視していません',
  'menu.org.refresh': 'この組織を更新',
  'menu.org.stopWatching': '監視をやめる',
  'menu.org.watch': '監視する',
  'menu.connect': 'Make アカウントを接続…',
  'menu.refresh': '今すぐ更新',
  'menu.pause': '通知を一時停止',
  'menu.pausedUntil': '{time} まで通知を一時停止中',
  'menu.pause1h': '1 時間',
  'menu.pauseTomorrow': '明日の朝まで',
  'menu.resume': '通知を再開',
  'menu.open': 'Make Tray を開く',
  'menu.settings': '設定…',
  'menu.quit': 'Make Tray を終了',
  'notify.failure.one': '{org}{when}に失敗しました',
  'notify.failure.many': '{org}{count} 回失敗しました（最後は{when}）',
  'notify.warning': '{org}{when}に警告付きで終了しました',
  'notify.offByMake': '{org}{when}に Make がこのシナリオを停止しました',
  'notify.offByMake.hint': 'Make で修正してから、もう一度オンにしてください。',
  'notify.fixed': '{org}{when}に再び成功しました',
  'notify.noMessage': '詳細は実行履歴をご覧ください。',
  'notify.summary.title': '{count} 件のシナリオに対応が必要です',
  'notify.summary.body': '{first} ほか {others} 件',
  'notify.summary.bodyOne': '{first}',
  'notify.unnamed': 'シナリオ',
  'notify.action.runAgain': 'もう一度実行',
  'notify.action.mute': 'ミュート',
  'when.today': '{time}',
  'when.other': '{date}',
};

const TABLES: Record<TrayLocale, Record<StringKey, string>> = { en, ja };

/** The string for `key` with `{name}` placeholders filled. A missing param stays visible as `{name}`. */
export function t(locale: TrayLocale, key: StringKey, params: Record<string, string | number> = {}): string {
  return TABLES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The language the shell speaks: the user's choice, else the first system language we have. */
export function resolveTrayLocale(pref: LanguagePref, systemLocales: readonly string[]): TrayLocale {
  if (pref !== 'system') return pref;
  for (const tag of systemLocales) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (base === 'ja' || base === 'en') return base;
  }
  return 'en';
}
