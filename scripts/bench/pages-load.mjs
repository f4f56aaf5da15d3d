// One autocannon run, in a process of its own so that its CPU use can be measured apart from the
// bench's (it shares the machine's cores with the server under test). Called by
// scripts/bench/pages.ts:
//   node scripts/bench/pages-load.mjs '{"url":"…","cookie":"…","connections":10,"seconds":20}'
// Prints one JSON line: latency percentiles of every response (nearest rank over all of them, not
// autocannon's histogram buckets: it has no p95), req/s, status counts, errors, and this process's
// own CPU time.
import autocannon from "autocannon";

const { url, cookie, connections, seconds } = JSON.parse(process.argv[2] ?? "{}");
if (!url) {
  console.error("usage: node scripts/bench/pages-load.mjs '{\"url\":…,\"cookie\":…,\"connections\":10,\"seconds\":20}'");
  process.exit(2);
}

const latencies = [];
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const instance = autocannon({
  url,
  connections,
  duration: seconds,
  headers: { cookie: cookie ?? "", "accept-encoding": "gzip", accept: "text/html" },
  timeout: 30,
});
instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));

instance.on("done", (result) => {
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  latencies.sort((a, b) => a - b);
  const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length, Math.max(1, Math.ceil((p / 100) * latencies.length))) - 1] : NaN);
  const out = {
    requests: latencies.length,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    max: latencies.at(-1) ?? NaN,
    reqPerSec: latencies.length / (wallMs / 1000),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: {
      "1xx": result["1xx"], "2xx": result["2xx"], "3xx": result["3xx"], "4xx": result["4xx"], "5xx": result["5xx"],
    },
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
});
