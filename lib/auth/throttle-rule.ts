/*
 * Pure rule for sign-in throttling (OWASP ASVS 5.0 V6.3; "device cookies" for lockout abuse).
 *
 * Every sign-in step (password, second factor) first records an ATTEMPT; a completed sign-in
 * records SUCCESS rows naming the attempts it completes. An ATTEMPT without a SUCCESS is a
 * failure (or still in progress: it counts too). Buckets, each over the last 15 minutes:
 *
 *   trusted client (valid device cookie for this username):
 *     (username, device)            5 failures since that device's last success
 *   untrusted client:
 *     (username, address)           5 failures since the last success from that address
 *     (username, every untrusted)  20 failures — not reset by a success: the hard cap on guessing
 *     (address, every username)    50 failures — tolerates an office behind one NAT
 *
 * So an attacker elsewhere can hold an account's untrusted bucket full, but never the owner's
 * trusted browser, and a few guesses every 15 minutes from one address never lock the owner's
 * own address. Guessing stays bounded: 20 per 15 minutes per account for everyone without the
 * owner's device cookie, which is signed and bound to the username.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export const LOGIN_LIMITS = {
  device: 5,
  userAddress: 5,
  userUntrusted: 20,
  address: 50,
} as const;

export type Bucket = keyof typeof LOGIN_LIMITS;

export type ThrottleVerdict =
  | { blocked: false }
  | { blocked: true; retryAfterMinutes: number; bucket?: Bucket };

export type AttemptRow = {
  id: bigint | number | string;
  kind: "ATTEMPT" | "SUCCESS";
  username: string;
  ip: string;
  deviceId: string | null;
  attemptId: bigint | number | string | null;
  createdAt: Date;
};

export type SignInClient = { username: string; ip: string; deviceId: string | null };

/** After `max` failures inside the window, refuse until the oldest of those leaves it. */
export function evaluateThrottle(
  failures: readonly Date[],
  now: Date,
  max: number,
  windowMs = LOGIN_WINDOW_MS,
): ThrottleVerdict {
  const inWindow = failures.filter((t) => now.getTime() - t.getTime() < windowMs && t.getTime() <= now.getTime());
  if (inWindow.length < max) return { blocked: false };
  const sorted = [...inWindow].sort((a, b) => b.getTime() - a.getTime());
  const oldestCounted = sorted[max - 1];
  const msLeft = oldestCounted.getTime() + windowMs - now.getTime();
  return { blocked: true, retryAfterMinutes: Math.max(1, Math.ceil(msLeft / 60_000)) };
}

/** The longer wait wins. */
export function combineVerdicts(...verdicts: ThrottleVerdict[]): ThrottleVerdict {
  let worst: ThrottleVerdict = { blocked: false };
  for (const v of verdicts) {
    if (v.blocked && (!worst.blocked || v.retryAfterMinutes > worst.retryAfterMinutes)) worst = v;
  }
  return worst;
}

/**
 * Failure times of one bucket. `rows` may hold other buckets' rows too; with `resetOnSuccess`
 * the count restarts after the bucket's newest SUCCESS.
 */
export function bucketFailures(
  rows: readonly AttemptRow[],
  inBucket: (row: AttemptRow) => boolean,
  resetOnSuccess: boolean,
): Date[] {
  const completed = new Set(rows.filter((r) => r.kind === "SUCCESS" && r.attemptId !== null).map((r) => String(r.attemptId)));
  const newestFirst = [...rows].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (BigInt(b.id) > BigInt(a.id) ? 1 : -1),
  );
  const out: Date[] = [];
  for (const row of newestFirst) {
    if (!inBucket(row)) continue;
    if (row.kind === "SUCCESS") {
      if (resetOnSuccess) break;
      continue;
    }
    if (!completed.has(String(row.id))) out.push(row.createdAt);
  }
  return out;
}

/**
 * May `client` try a sign-in step now? `userRows` are the username's rows and `addressRows` the
 * address's untrusted rows, both over at least the last window (a superset is fine).
 */
export function evaluateSignIn(
  client: SignInClient,
  userRows: readonly AttemptRow[],
  addressRows: readonly AttemptRow[],
  now: Date,
): ThrottleVerdict {
  const tag = (bucket: Bucket, verdict: ThrottleVerdict): ThrottleVerdict =>
    verdict.blocked ? { ...verdict, bucket } : verdict;
  const mine = userRows.filter((r) => r.username === client.username);
  if (client.deviceId) {
    const device = bucketFailures(mine, (r) => r.deviceId === client.deviceId, true);
    return tag("device", evaluateThrottle(device, now, LOGIN_LIMITS.device));
  }
  const untrusted = (r: AttemptRow) => r.deviceId === null;
  const userAddress = bucketFailures(mine, (r) => untrusted(r) && r.ip === client.ip, true);
  const userUntrusted = bucketFailures(mine, untrusted, false);
  const address = bucketFailures(addressRows, (r) => untrusted(r) && r.ip === client.ip, false);
  return combineVerdicts(
    tag("userAddress", evaluateThrottle(userAddress, now, LOGIN_LIMITS.userAddress)),
    tag("userUntrusted", evaluateThrottle(userUntrusted, now, LOGIN_LIMITS.userUntrusted)),
    tag("address", evaluateThrottle(address, now, LOGIN_LIMITS.address)),
  );
}
