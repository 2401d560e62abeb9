import type { BundleContents } from '../bundle/read-bundle.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

/** Text when the bytes are valid UTF-8 without NULs; otherwise null (shown as a binary note). */
function asText(data: Buffer): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    return text.includes('\0') ? null : text;
  } catch {
    return null;
  }
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem}pre{background:#f4f4f4;padding:1rem;overflow:auto;white-space:pre-wrap;word-break:break-all}
h2{border-bottom:1px solid #ccc;margin-top:2.5rem}h3{font-family:monospace}.meta{color:#555}`;

/** One self-contained page (no scripts, no external resources) showing every file of a bundle, grouped by section. */
export function renderHtml({ manifest, files }: BundleContents, title: string): string {
  const sections = new Map<string, typeof manifest.files>();
  for (const file of manifest.files) sections.set(file.section, [...(sections.get(file.section) ?? []), file]);
  const anchor = (path: string) => `f-${Buffer.from(path).toString('hex')}`;
  const toc = [...sections]
    .map(([section, list]) => {
      const items = list.map((file) => `<li><a href="#${anchor(file.path)}">${escapeHtml(file.path)}</a> (${file.bytes} bytes)</li>`).join('');
      return `<li><a href="#s-${escapeHtml(section)}">${escapeHtml(section)}</a><ul>${items}</ul></li>`;
    })
    .join('\n');
  const bodies = [...sections]
    .map(([section, list]) => {
      const parts = list.map((file) => {
        const text = asText(files.get(file.path) ?? Buffer.alloc(0));
        const content = text === null ? `<p class="meta">Binary file, ${file.bytes} bytes; not shown.</p>` : `<pre>${escapeHtml(text)}</pre>`;
        return `<h3 id="${anchor(file.path)}">${escapeHtml(file.path)}</h3><p class="meta">${file.bytes} bytes, sha256 ${escapeHtml(file.sha256)}</p>${content}`;
      });
      return `<h2 id="s-${escapeHtml(section)}">${escapeHtml(section)}</h2>\n${parts.join('\n')}`;
    })
    .join('\n');
  const meta = `${manifest.files.length} files, created ${manifest.createdAt} by ${manifest.tool.name} ${manifest.tool.version} on ${manifest.host.platform} ${manifest.host.release}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1><p class="meta">${escapeHtml(meta)}</p>
<nav><h2>Contents</h2><ul>${toc}</ul></nav>
${bodies}
</body></html>
`;
}
