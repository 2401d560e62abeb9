const CLIENT_NAME = /\b(chrome|chromium|firefox|edge|safari|brave|opera|vivaldi|thunderbird|outlook|mail|evolution)\b/i;

/** Keeps the installed applications that are browsers or mail clients (DIAG-6 "browser and mail client versions"). */
export function browserAndMailClients<T extends { name: string }>(applications: T[]): T[] {
  return applications.filter((application) => CLIENT_NAME.test(application.name));
}
