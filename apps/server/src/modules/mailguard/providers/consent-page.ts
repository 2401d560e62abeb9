import { escapeHtml } from '../../../platform/http/escape-html.ts';

export interface ConsentRequest {
  state: string;
  codeChallenge: string;
  redirectUri: string;
  scope: string;
}

const SCOPE_WORDS: Record<string, string> = {
  'mail.read': 'read the messages in your mailbox',
  'mail.move': 'move messages to quarantine and label them',
  'files.read': 'read the files in your file store',
  'files.move': 'move files to quarantine and label them',
};

/**
 * The test provider's consent page, as Microsoft's or Google's would be: the person names their mailbox and allows or
 * denies the access Steward asks for. A plain form and no script, so the server's content security policy holds.
 */
export function consentPage(request: ConsentRequest): string {
  const hidden = (Object.entries(request) as Array<[string, string]>)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('');
  const asks = request.scope
    .split(' ')
    .map((scope) => `<li>${escapeHtml(SCOPE_WORDS[scope] ?? scope)}</li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Test mail provider: allow access?</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 34rem; margin: 2rem auto; padding: 0 1rem">
<h1>Test mail provider</h1>
<p>This provider stands in for a mail or storage service such as Microsoft 365 or Google Workspace. <strong>Steward Mail Protection</strong> asks to:</p>
<ul>${asks}</ul>
<p>It will not see your password, and you can take the access back at any time.</p>
<form method="post" action="/api/mail-protection/test-provider/authorize" style="display: grid; gap: 0.75rem; margin-top: 1.5rem">
${hidden}
<label>Your mailbox or file store <input name="address" type="email" required maxlength="254" autocomplete="email"></label>
<div style="display: flex; gap: 0.75rem"><button type="submit" name="decision" value="allow">Allow</button><button type="submit" name="decision" value="deny" formnovalidate>Deny</button></div>
</form>
</body>
</html>`;
}
