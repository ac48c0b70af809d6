#!/usr/bin/env bash
# The project's one test command (README, CI): builds and runs every test project against
# a throwaway PostgreSQL, the browser tests in Debian's Chromium (installed if missing) and the
# Studio's Vitest tests, then prints `tests: N passed, N failed` (all of them) as its last line.
# Extra arguments go to `dotnet test`, e.g. ./scripts/test.sh --filter FullyQualifiedName~Foo
# Set AP_TEST_POSTGRES to a connection string to use an existing server instead.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v dotnet >/dev/null || {
  echo "test.sh: error: the dotnet CLI is not on PATH; install the .NET 10 SDK" >&2
  exit 1
}

# The browser tests drive Debian's Chromium (never a downloaded one); a fresh machine (CI) lacks it.
if [[ ! -x /usr/bin/chromium ]]; then
  if [[ $EUID -eq 0 ]]; then
    echo "test.sh: installing Debian's chromium for the browser tests" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "test.sh: warning: /usr/bin/chromium is missing and only root can install it (apt-get install chromium);" \
      "the browser tests will fail" >&2
  fi
fi

started_pg=0
stop_pg() {
  if ((started_pg)); then
    started_pg=0
    scripts/postgres.sh stop || true
  fi
}
# Stop the server however we leave (failure, Ctrl-C, kill); bash runs EXIT after these.
trap stop_pg EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z ${AP_TEST_POSTGRES:-} ]]; then
  started_pg=1 # set first: a half-started server is cleaned up too
  AP_TEST_POSTGRES=$(scripts/postgres.sh start)
fi
export AP_TEST_POSTGRES

# Stale .trx files from an earlier run would be counted again.
rm -rf TestResults
dotnet_rc=0
dotnet test AccountPlaybooks.sln -c Release \
  --logger "trx;LogFilePrefix=results" --results-directory TestResults "$@" || dotnet_rc=$?

# Stop the server now so that its messages come before the summary line.
stop_pg

# The Studio's component tests. `npm ci` only when the lock file changed since the last install
# (the .NET build may have run it already); npm records the install in node_modules/.package-lock.json.
studio=src/studio vitest_rc=0 vitest_report=$PWD/TestResults/vitest.xml
if [[ -f $studio/package.json ]]; then
  if [[ ! -f $studio/node_modules/.package-lock.json || $studio/node_modules/.package-lock.json -ot $studio/package-lock.json ]]; then
    (cd "$studio" && npm ci --no-audit --no-fund) || vitest_rc=$?
  fi
  if ((vitest_rc == 0)); then
    (cd "$studio" && npm test -- --reporter=default --reporter=junit --outputFile="$vitest_report") || vitest_rc=$?
  fi
fi

# Sum the <Counters .../> of <ResultSummary> over every .trx (one per test project).
# Anchoring on '<Counters ' is safe: a '<' inside test output is escaped as '&lt;'.
passed=0 failed=0 skipped=0 trx_count=0
counter() {
  local v
  v=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2")
  echo "${v:-0}"
}
while IFS= read -r -d '' trx; do
  line=$(grep -m 1 -o '<Counters [^>]*>' "$trx") || continue
  trx_count=$((trx_count + 1))
  total=$(counter total "$line") executed=$(counter executed "$line")
  passed=$((passed + $(counter passed "$line")))
  failed=$((failed + $(counter failed "$line")))
  skipped=$((skipped + total - executed)) # skipped tests are counted but not executed
done < <(find TestResults -name '*.trx' -print0 2>/dev/null)

# Vitest's JUnit report: tests, failures and errors are on its <testsuites> root; skipped only on each <testsuite>.
vitest_count=0
if [[ -f TestResults/vitest.xml ]] && line=$(grep -m 1 -o '<testsuites [^>]*>' TestResults/vitest.xml); then
  vitest_count=1
  tests=$(counter tests "$line") failures=$(counter failures "$line") errors=$(counter errors "$line")
  vitest_skipped=$(grep -o '<testsuite [^>]*>' TestResults/vitest.xml |
    sed -n 's/.* skipped="\([0-9]*\)".*/\1/p' | awk '{ n += $1 } END { print n + 0 }')
  passed=$((passed + tests - failures - errors - vitest_skipped))
  failed=$((failed + failures + errors))
  skipped=$((skipped + vitest_skipped))
fi

summary="tests: $passed passed, $failed failed"
((skipped == 0)) || summary+=", $skipped skipped"

status=0
if ((dotnet_rc != 0)); then
  echo "test.sh: dotnet test failed (exit code $dotnet_rc)" >&2
  status=1
fi
if ((vitest_rc != 0)); then
  echo "test.sh: the Studio's tests (npm ci / vitest) failed (exit code $vitest_rc)" >&2
  status=1
elif [[ -f $studio/package.json ]] && ((vitest_count == 0)); then
  echo "test.sh: vitest produced no report (TestResults/vitest.xml)" >&2
  status=1
fi
if ((trx_count == 0)); then
  echo "test.sh: no test results (TestResults/*.trx) were produced" >&2
  status=1
elif ((passed == 0)); then
  echo "test.sh: no test passed; a run that runs no test is a failure" >&2
  status=1
fi
echo "$summary"
exit "$status"
