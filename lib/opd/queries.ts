import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { can } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import type { Page } from "@/lib/users/queries";

export const OPD_PAGE_SIZE = 25;

export type OpdRow = {
  id: string;
  name: string;
  shortName: string;
  code: string | null;
  active: boolean;
  userCount: number;
  activeUserCount: number;
};

export type OpdOption = { value: string; label: string };

function assertCanManage(actor: CurrentUser): void {
  if (!can(actor, "opd.manage")) throw new DomainError("FORBIDDEN", "Anda tidak berwenang mengelola daftar OPD.");
}

const OPD_FIELDS = { id: true, name: true, shortName: true, code: true, active: true } as const;

/** Total and active user counts per OPD, in one grouped query. */
async function userCounts(opdIds: string[]): Promise<Map<string, { total: number; active: number }>> {
  const out = new Map<string, { total: number; active: number }>();
  if (opdIds.length === 0) return out;
  const rows = await getDb().user.groupBy({
    by: ["opdId", "active"],
    where: { opdId: { in: opdIds } },
    _count: { _all: true },
  });
  for (const row of rows) {
    if (!row.opdId) continue;
    const entry = out.get(row.opdId) ?? { total: 0, active: 0 };
    entry.total += row._count._all;
    if (row.active) entry.active += row._count._all;
    out.set(row.opdId, entry);
  }
  return out;
}

function withCounts<T extends { id: string }>(opds: T[], counts: Map<string, { total: number; active: number }>) {
  return opds.map((o) => ({ ...o, userCount: counts.get(o.id)?.total ?? 0, activeUserCount: counts.get(o.id)?.active ?? 0 }));
}

/** OPDs by name, searchable by name, short name or code; 25 per page. */
export async function listOpd(actor: CurrentUser, params: { q?: string; page?: number }): Promise<Page<OpdRow>> {
  assertCanManage(actor);
  const db = getDb();
  const term = params.q?.trim();
  const where: Prisma.OpdWhereInput = term
    ? {
        OR: [
          { name: { contains: term, mode: "insensitive" } },
          { shortName: { contains: term, mode: "insensitive" } },
          { code: { contains: term, mode: "insensitive" } },
        ],
      }
    : {};
  const total = await db.opd.count({ where });
  const totalPages = Math.max(1, Math.ceil(total / OPD_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(params.page ?? 1)), totalPages);
  const opds = await db.opd.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: (page - 1) * OPD_PAGE_SIZE,
    take: OPD_PAGE_SIZE,
    select: OPD_FIELDS,
  });
  const items = withCounts(opds, await userCounts(opds.map((o) => o.id)));
  return { items, total, page, pageSize: OPD_PAGE_SIZE, totalPages };
}

export type OpdDetail = OpdRow & { createdAt: Date; updatedAt: Date };

/** One OPD with its user counts, or null when the id is unknown. */
export async function getOpd(actor: CurrentUser, id: string): Promise<OpdDetail | null> {
  assertCanManage(actor);
  const opd = await getDb().opd.findUnique({
    where: { id },
    select: { ...OPD_FIELDS, createdAt: true, updatedAt: true },
  });
  if (!opd) return null;
  return withCounts([opd], await userCounts([opd.id]))[0];
}

/** Active OPDs for a select, by name. OPD names are public, so no actor is needed. */
export async function listActiveOpdOptions(): Promise<OpdOption[]> {
  const opds = await getDb().opd.findMany({
    where: { active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true, shortName: true },
  });
  return opds.map((o) => ({ value: o.id, label: `${o.name} (${o.shortName})` }));
}

/** Every OPD for a list filter, inactive ones marked. */
export async function listAllOpdOptions(): Promise<OpdOption[]> {
  const opds = await getDb().opd.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, shortName: true, active: true },
  });
  return opds.map((o) => ({ value: o.id, label: `${o.name} (${o.shortName})${o.active ? "" : " — nonaktif"}` }));
}
