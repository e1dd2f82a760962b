/**
 * Earshot's application id: electron-builder's appId (electron-builder.config.cjs) and, on Windows,
 * the AppUserModelID that notifications and the taskbar are filed under. The two must match, or
 * Windows shows no notifications for the installed app.
 */
export const EARSHOT_APP_ID = 'app.earshot.desktop';
