import { NextResponse } from "next/server";
import type { DomainError } from "@/lib/errors";

export function jsonMessage(status: number, message: string): NextResponse {
  return NextResponse.json({ message }, { status, headers: { "Cache-Control": "no-store", "X-Frame-Options": "DENY" } });
}

const STATUS: Record<DomainError["code"], number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  VALIDATION: 400,
  INVALID_TRANSITION: 409,
  STALE: 409,
  CONFLICT: 409,
};

export function errorResponse(error: DomainError): NextResponse {
  return jsonMessage(STATUS[error.code] ?? 400, error.message);
}
