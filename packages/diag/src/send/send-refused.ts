/** Why steward-diag did not send a bundle; shown to the user as is. */
export class SendRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SendRefused';
  }
}
