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
    /** For INVALID_TRANSITION: the workflow's refusal code (ROLE_NOT_ALLOWED, DOCUMENTS_MISSING …). */
    public readonly reason?: string,
    /** For a refusal: what is missing (document types or field names), when the workflow says so. */
    public readonly missing?: readonly string[],
  ) {
    super(message);
    this.name = "DomainError";
  }

  /** Alias of `reason` for INVALID_TRANSITION errors. */
  get refusalCode(): string | undefined {
    return this.reason;
  }
}

export const STALE_MESSAGE = "Data telah diubah oleh pengguna lain — muat ulang halaman.";

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
