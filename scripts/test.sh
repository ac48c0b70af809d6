#!/usr/bin/env bash
# The project's one test command (README, CI): builds and runs every test project against
# a throwaway PostgreSQL, then prints `tests: N passed, N failed` as its last line.
# Extra arguments go to `dotnet test`, e.g. ./scripts/test.sh --filter FullyQualifiedName~Foo
# Set AP_TEST_POSTGRES to a connection string to use an existing server instead.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v dotnet >/dev/null || {
  echo "test.sh: error: the dotnet CLI is not on PATH; install the .NET 10 SDK" >&2
  exit 1
}

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

summary="tests: $passed passed, $failed failed"
((skipped == 0)) || summary+=", $skipped skipped"

status=0
if ((dotnet_rc != 0)); then
  echo "test.sh: dotnet test failed (exit code $dotnet_rc)" >&2
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
