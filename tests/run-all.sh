#!/usr/bin/env bash
# `npm test`: every check CI runs, in order, stopping at the first stage that fails:
#   chromium → lint → typecheck → unit → integration (PGlite, and Postgres when TEST_DATABASE_URL is set) → e2e.
# Ends with the line "N passed, N failed" (vitest + Playwright tests; a stage that fails without a failing
# test, such as lint, counts as one failure). CI reads that line; the exit code is non-zero on any failure.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly STAGES=(chromium lint typecheck unit integration e2e)
readonly E2E_PORTS=(3210 3211 12111 12112)

results_dir="$(mktemp -d "${TMPDIR:-/tmp}/chairside-test.XXXXXX")"
total_passed=0
total_failed=0
stage_index=0
current_stage=""
declare -A stage_report=()

finish() {
  local rc=$?
  if [[ -n "$current_stage" ]]; then
    # Interrupted or failed mid-stage (set -e, Ctrl-C): never let the summary read as green.
    stage_report[$current_stage]="FAILED (did not finish)"
    total_failed=$((total_failed + 1))
  fi
  echo
  echo "==> Summary"
  for s in "${STAGES[@]}"; do
    printf '  %-12s %s\n' "$s" "${stage_report[$s]:-not run}"
  done
  rm -rf "$results_dir"
  if [[ $rc -eq 0 && $total_failed -gt 0 ]]; then rc=1; fi
  echo "${total_passed} passed, ${total_failed} failed"
  exit "$rc"
}
trap finish EXIT

begin_stage() {
  current_stage=$1
  stage_index=$((stage_index + 1))
  stage_started=$SECONDS
  echo
  echo "==> [${stage_index}/${#STAGES[@]}] ${current_stage}: $2"
}

# end_stage <exit code> [passed failed]: records the result; stops the run when the stage failed.
end_stage() {
  local rc=$1 passed=${2:-} failed=${3:-} counts="" took=$((SECONDS - stage_started))
  if [[ -n "$passed" ]]; then
    # A red runner with no failing test (a crashed file, a server that would not start) still counts as a failure.
    if [[ $rc -ne 0 && $failed -eq 0 ]]; then failed=1; fi
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    counts="${passed} passed, ${failed} failed, "
  elif [[ $rc -ne 0 ]]; then
    total_failed=$((total_failed + 1))
  fi
  local name=$current_stage
  current_stage=""
  if [[ $rc -eq 0 ]]; then
    stage_report[$name]="ok (${counts}${took}s)"
  else
    stage_report[$name]="FAILED (${counts}exit ${rc}, ${took}s)"
    echo
    echo "!! Stage '${name}' failed (exit ${rc}); later stages were not run."
    exit "$rc"
  fi
}

# run <command...>: runs it and sets $rc without tripping set -e.
run() {
  rc=0
  "$@" || rc=$?
}

# Prints "passed failed" from a vitest or Playwright JSON report ("0 0" if the report is missing).
count_tests() {
  node -e '
    const [kind, file] = process.argv.slice(1);
    let r;
    try { r = JSON.parse(require("fs").readFileSync(file, "utf8")); }
    catch { console.error(`(no readable ${kind} report at ${file})`); console.log("0 0"); process.exit(0); }
    if (kind === "vitest") console.log(`${r.numPassedTests ?? 0} ${r.numFailedTests ?? 0}`);
    else { const s = r.stats ?? {}; console.log(`${(s.expected ?? 0) + (s.flaky ?? 0)} ${s.unexpected ?? 0}`); }
  ' "$1" "$2"
}

vitest_stage() {
  local report="$results_dir/$1.json"
  shift
  run npx vitest run "$@" --reporter=default --reporter=json --outputFile.json="$report"
  read -r passed failed < <(count_tests vitest "$report")
  end_stage "$rc" "$passed" "$failed"
}

# Lists which of our e2e ports something is listening on (loopback, IPv4 and IPv6).
busy_ports() {
  node -e '
    const net = require("net");
    const probe = (port, host) => new Promise((ok) => {
      const s = net.connect({ port, host }).on("connect", () => { s.destroy(); ok(true); }).on("error", () => ok(false));
    });
    (async () => {
      const busy = [];
      for (const p of process.argv.slice(1).map(Number))
        if ((await probe(p, "127.0.0.1")) || (await probe(p, "::1"))) busy.push(p);
      console.log(busy.join(" "));
    })();
  ' "${E2E_PORTS[@]}"
}

describe_ports() {
  echo "   Ports in use: $1"
  if command -v ss >/dev/null 2>&1; then
    for p in $1; do ss -Hltnp "sport = :$p" 2>/dev/null | sed 's/^/   /'; done
  fi
}

if [[ ! -d node_modules ]]; then
  echo "node_modules is missing: run 'npm ci' first." >&2
  exit 1
fi

begin_stage chromium "bash tests/support/ensure-chromium.sh"
run bash tests/support/ensure-chromium.sh
end_stage "$rc"

begin_stage lint "npm run lint"
run npm run lint --silent
end_stage "$rc"

begin_stage typecheck "npm run typecheck"
run npm run typecheck --silent
end_stage "$rc"

begin_stage unit "vitest --project unit"
vitest_stage unit --project unit

integration_projects=(--project integration-pglite)
if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
  integration_projects+=(--project integration-postgres)
  begin_stage integration "vitest --project integration-pglite --project integration-postgres (TEST_DATABASE_URL is set)"
else
  begin_stage integration "vitest --project integration-pglite (set TEST_DATABASE_URL to also run integration-postgres)"
fi
vitest_stage integration "${integration_projects[@]}"

begin_stage e2e "playwright test (builds into .next-e2e, serves :3210 demo and :3211 stripe, fakes on :12111/:12112)"
busy="$(busy_ports)"
if [[ -n "$busy" ]]; then
  echo "!! Something is already listening on a port e2e needs; stop it first."
  describe_ports "$busy"
  end_stage 1 0 0
fi
run env PLAYWRIGHT_JSON_OUTPUT_FILE="$results_dir/e2e.json" npx playwright test --reporter=list,json
read -r passed failed < <(count_tests playwright "$results_dir/e2e.json")
# Playwright kills each server's process group; anything still listening is an orphan that would break the next run.
for _ in 1 2 3 4 5; do
  busy="$(busy_ports)"
  [[ -z "$busy" ]] && break
  sleep 1
done
if [[ -n "$busy" ]]; then
  echo "!! e2e servers were left running after Playwright exited."
  describe_ports "$busy"
  [[ $rc -eq 0 ]] && rc=1
fi
end_stage "$rc" "$passed" "$failed"
