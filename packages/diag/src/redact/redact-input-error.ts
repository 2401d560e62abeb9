/** A problem with the command's paths, reported to the user without a stack trace. */
export class RedactInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedactInputError';
  }
}
