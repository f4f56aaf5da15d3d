// Pure rule for sign-in throttling: after MAX failures inside WINDOW, refuse until the oldest
// of those failures leaves the window. Used per username and, separately, per client address.
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export type ThrottleVerdict = { blocked: false } | { blocked: true; retryAfterMinutes: number };

/** `failures` are the failed attempts since the last success, newest first. */
export function evaluateThrottle(
  failures: readonly Date[],
  now: Date,
  max = LOGIN_MAX_FAILURES,
  windowMs = LOGIN_WINDOW_MS,
): ThrottleVerdict {
  const inWindow = failures.filter((t) => now.getTime() - t.getTime() < windowMs);
  if (inWindow.length < max) return { blocked: false };
  const sorted = [...inWindow].sort((a, b) => b.getTime() - a.getTime());
  const oldestCounted = sorted[max - 1];
  const msLeft = oldestCounted.getTime() + windowMs - now.getTime();
  return { blocked: true, retryAfterMinutes: Math.max(1, Math.ceil(msLeft / 60_000)) };
}

/** The later of two verdicts wins (username and address are checked separately). */
export function combineVerdicts(a: ThrottleVerdict, b: ThrottleVerdict): ThrottleVerdict {
  if (!a.blocked) return b;
  if (!b.blocked) return a;
  return a.retryAfterMinutes >= b.retryAfterMinutes ? a : b;
}
