/** A bad input: names the input and says how to fix it. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    detail: string,
  ) {
    super(`Input \`${input}\`: ${detail}`);
    this.name = 'InputError';
  }
}
