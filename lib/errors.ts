// Domain errors carry a stable code; actions map them to Indonesian messages.
export type DomainErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "INVALID_TRANSITION"
  | "STALE"
  | "VALIDATION"
  | "CONFLICT";

export class DomainError extends Error {
  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    public readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const STALE_MESSAGE = "Data telah diubah oleh pengguna lain — muat ulang halaman.";

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
