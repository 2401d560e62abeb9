export type InstalledProgram = { key: string; name: string; version: string; publisher: string; installDate: string };
export type Driver = { module: string; displayName: string; type: string; startMode: string; state: string; path: string };
export type WindowsService = { name: string; displayName: string; type: string; state: string };

/** Parses `reg query HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall /s`: one program per key that has a DisplayName. */
export function parseRegQueryUninstall(text: string): InstalledProgram[] {
  const programs: InstalledProgram[] = [];
  let current: Record<string, string> | null = null;
  const flush = () => {
    if (current?.DisplayName) {
      programs.push({
        key: current.key,
        name: current.DisplayName,
        version: current.DisplayVersion ?? '',
        publisher: current.Publisher ?? '',
        installDate: current.InstallDate ?? '',
      });
    }
  };
  for (const line of text.split(/\r?\n/)) {
    if (/^HKEY_/.test(line)) {
      flush();
      current = { key: line.trim().split('\\').at(-1) ?? '' };
      continue;
    }
    const value = /^\s+(\S.*?)\s{2,}(REG_\w+)\s{2,}(.*)$/.exec(line) ?? /^\s+(\S.*?)\s{2,}(REG_\w+)$/.exec(line);
    if (current && value) current[value[1]] = (value[3] ?? '').trim();
  }
  flush();
  return programs;
}

/** Splits CSV text (RFC 4180 quoting, as driverquery writes it) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') field += text[++i];
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((cell) => cell !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  row.push(field);
  if (row.some((cell) => cell !== '')) rows.push(row);
  return rows;
}

/** Parses `driverquery /v /fo csv`, finding columns by their English header names. */
export function parseDriverquery(csvText: string): Driver[] {
  const [header, ...rows] = parseCsv(csvText.replace(/^\uFEFF/, ''));
  if (!header) return [];
  const column = (name: string) => header.indexOf(name);
  const columns = {
    module: column('Module Name'),
    displayName: column('Display Name'),
    type: column('Driver Type'),
    startMode: column('Start Mode'),
    state: column('State'),
    path: column('Path'),
  };
  const cell = (row: string[], index: number) => (index >= 0 ? (row[index] ?? '') : '');
  return rows.map((row) => ({
    module: cell(row, columns.module),
    displayName: cell(row, columns.displayName),
    type: cell(row, columns.type),
    startMode: cell(row, columns.startMode),
    state: cell(row, columns.state),
    path: cell(row, columns.path),
  }));
}

/** Parses `sc query state= all`: SERVICE_NAME blocks with DISPLAY_NAME, TYPE and STATE lines. */
export function parseScQuery(text: string): WindowsService[] {
  const services: WindowsService[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Z_0-9]+)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, key, value] = match;
    if (key === 'SERVICE_NAME') services.push({ name: value.trim(), displayName: '', type: '', state: '' });
    const service = services.at(-1);
    if (!service) continue;
    if (key === 'DISPLAY_NAME') service.displayName = value.trim();
    if (key === 'TYPE') service.type = value.trim().split(/\s+/).at(-1) ?? '';
    if (key === 'STATE') service.state = value.trim().split(/\s+/)[1] ?? '';
  }
  return services;
}
