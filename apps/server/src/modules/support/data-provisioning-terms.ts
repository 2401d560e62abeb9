/**
 * The data-provisioning terms a customer accepts before attaching files (SUP-2). Changing this
 * text publishes a new version at the next start; acceptances of older versions no longer count.
 */
export const DATA_PROVISIONING_TERMS = `Before you attach files to a support request

1. Attach only what support needs to solve this request: screenshots, logs, system reports and diagnostic bundles of your own computers.
2. Do not attach confidential business documents, other people's personal data, passwords or keys. You confirm that you may share what you attach.
3. Files are encrypted with a key of your own. Only the agents of the department handling this request can open them, and each time one does it is logged.
4. Files are used only for this request. They are deleted when you delete your account; system reports and diagnostic bundles are deleted after 90 days at the latest.
5. You can read, download and delete what you attached from the request page, and withdraw from support at any time.`;
