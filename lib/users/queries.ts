import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { can } from "@/lib/auth/policy";
import type { Role } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";

export const USERS_PAGE_SIZE = 25;

export type UserListParams = {
  q?: string;
  role?: Role;
  opdId?: string;
  status?: "aktif" | "nonaktif";
  page?: number;
};

export type UserRow = {
  id: string;
  username: string;
  fullName: string;
  nip: string | null;
  role: Role;
  active: boolean;
  lastLoginAt: Date | null;
  opd: { id: string; name: string; shortName: string } | null;
};

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number; totalPages: number };

function assertCanManage(actor: CurrentUser): void {
  if (!can(actor, "user.manage")) throw new DomainError("FORBIDDEN", "Anda tidak berwenang mengelola pengguna.");
}

function whereOf({ q, role, opdId, status }: UserListParams): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [];
  const term = q?.trim();
  if (term) {
    const or: Prisma.UserWhereInput[] = [
      { username: { contains: term, mode: "insensitive" } },
      { fullName: { contains: term, mode: "insensitive" } },
    ];
    // NIPs are stored as 18 digits; people type them with the printed spaces.
    const digits = term.replace(/\s+/g, "");
    if (/^\d+$/.test(digits)) or.push({ nip: { contains: digits } });
    and.push({ OR: or });
  }
  if (role) and.push({ role });
  if (opdId) and.push({ opdId });
  if (status) and.push({ active: status === "aktif" });
  // The system's own account (lib/jobs/system-user.ts) is not a person: never listed or edited.
  and.push({ isSystem: false });
  return { AND: and };
}

/** Users matching the filters, 25 per page by full name; a page past the end shows the last page. */
export async function listUsers(actor: CurrentUser, params: UserListParams): Promise<Page<UserRow>> {
  assertCanManage(actor);
  const db = getDb();
  const where = whereOf(params);
  const total = await db.user.count({ where });
  const totalPages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(params.page ?? 1)), totalPages);
  const items = await db.user.findMany({
    where,
    orderBy: [{ fullName: "asc" }, { id: "asc" }],
    skip: (page - 1) * USERS_PAGE_SIZE,
    take: USERS_PAGE_SIZE,
    select: {
      id: true,
      username: true,
      fullName: true,
      nip: true,
      role: true,
      active: true,
      lastLoginAt: true,
      opd: { select: { id: true, name: true, shortName: true } },
    },
  });
  return { items, total, page, pageSize: USERS_PAGE_SIZE, totalPages };
}

export type UserDetail = Awaited<ReturnType<typeof findUser>>;

function findUser(id: string) {
  return getDb().user.findFirst({
    where: { id, isSystem: false },
    select: {
      id: true,
      username: true,
      fullName: true,
      nip: true,
      email: true,
      role: true,
      active: true,
      opdId: true,
      opd: { select: { id: true, name: true, shortName: true, active: true } },
      failedLoginCount: true,
      lastFailedLoginAt: true,
      lastLoginAt: true,
      passwordChangedAt: true,
      mustChangePassword: true,
      totpEnabledAt: true,
      createdAt: true,
      updatedAt: true,
    },
  });
}

/** One user for the edit page (never the password hash), or null when the id is unknown. */
export async function getUser(actor: CurrentUser, id: string): Promise<UserDetail> {
  assertCanManage(actor);
  return findUser(id);
}
