// Typed errors an operator can meet, with a stable code the UI and the CLI map to their language.
export class DeskError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
    this.details = details;
  }
}
