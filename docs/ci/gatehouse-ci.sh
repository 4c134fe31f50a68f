#!/bin/sh
# Gatehouse step of a CI pipeline (issue 7, ADR 0012): push the pipeline's scan reports with the build context,
# then gate the release and exit with the gate's code. One POSIX script for every CI system: the templates next to
# it (github-actions.yml, gitlab-ci.yml, Jenkinsfile) call it with their system's variables, and CiTemplatesIT runs
# it from each template against a real server.
#
# usage: gatehouse-ci.sh --commit SHA --build ID [--branch NAME] [--run-url URL] REPORT...
#   REPORT  SCANNER[:CATEGORY]=FILE, e.g. spotbugs:fsb=target/spotbugsXml.xml or zap:baseline=zap-baseline.json
#           (scanners: sarif, spotbugs, zap, gitleaks, cyclonedx)
#
# environment
#   GATEHOUSE_URL, GATEHOUSE_TOKEN, GATEHOUSE_KEY_ID, GATEHOUSE_HMAC_KEY  the server and the signed CI token (the CLI
#                                                                          reads them itself; never put them on a command line)
#   GATEHOUSE_RELEASE                                                      the release id
#   GATEHOUSE_CLI_JAR                                                      a CLI jar already on the agent, or
#   GATEHOUSE_CLI_URL [GATEHOUSE_CLI_SHA256]                               where to download it; the SHA-256 is checked when
#                                                                          given and required for a plain http:// URL
#   JAVA_HOME or java on the PATH (Java 17+); GATEHOUSE_JAVA_OPTS (default: quick start-up, small heap)
#
# Each import records the commit, the build as "BRANCH #ID" (or ID without a branch), the branch and the run's
# address (--run-url) as the build context of the push. Without --idempotency-key the CLI derives the key from release, scanner, category, commit,
# build and the report's SHA-256, so re-running the same job (same commit, build and report) never imports twice.
#
# exit: 0 the gate passes; 1 the gate fails (its reasons are printed) or a push was refused; 2 usage, configuration or
# connection error. Nothing is pushed unless every report named exists.
set -u

say() {
  printf 'gatehouse-ci: %s\n' "$*" >&2
}

die() {
  say "$*"
  exit 2
}

usage() {
  die "usage: gatehouse-ci.sh --commit SHA --build ID [--branch NAME] [--run-url URL] SCANNER[:CATEGORY]=FILE..."
}

commit=
build=
branch=
run_url=
while [ $# -gt 0 ]; do
  case $1 in
    --commit | --build | --branch | --run-url)
      [ $# -ge 2 ] || usage
      case $1 in
        --commit) commit=$2 ;;
        --build) build=$2 ;;
        --branch) branch=$2 ;;
        --run-url) run_url=$2 ;;
      esac
      shift 2
      ;;
    --) shift; break ;;
    -*) usage ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || usage
[ -n "$commit" ] || die "no commit: pass the CI system's commit SHA with --commit (is the job checked out from Git?)"
[ -n "$build" ] || die "no build: pass the CI system's run or pipeline id with --build"
[ -n "${GATEHOUSE_URL:-}" ] || die "GATEHOUSE_URL is not set"
[ -n "${GATEHOUSE_TOKEN:-}" ] || die "GATEHOUSE_TOKEN is not set (a CI secret)"
[ -n "${GATEHOUSE_RELEASE:-}" ] || die "GATEHOUSE_RELEASE is not set"

# The server takes a build of printable ASCII and spaces, at most 200 characters.
if [ -n "$branch" ]; then
  build="$branch #$build"
fi
build=$(printf '%s' "$build" | LC_ALL=C tr -c '[:graph:] ' '_' | cut -c1-200)

# Every report must be there before anything is pushed: a scan that wrote nothing fails the job, it does not pass it.
for report in "$@"; do
  case $report in
    *=*) ;;
    *) die "a report is SCANNER[:CATEGORY]=FILE, not: $report" ;;
  esac
  file=${report#*=}
  [ -n "${report%%=*}" ] && [ -n "$file" ] || die "a report is SCANNER[:CATEGORY]=FILE, not: $report"
  [ -f "$file" ] || die "no report at $file: did the scan step run and write it?"
done

java=java
if [ -n "${JAVA_HOME:-}" ]; then
  java=$JAVA_HOME/bin/java
fi
command -v "$java" >/dev/null 2>&1 || die "no java: set JAVA_HOME or put Java 17+ on the PATH"

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

work=
cleanup() {
  [ -z "$work" ] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 2' HUP INT TERM

if [ -n "${GATEHOUSE_CLI_JAR:-}" ]; then
  jar=$GATEHOUSE_CLI_JAR
  [ -f "$jar" ] || die "no CLI jar at GATEHOUSE_CLI_JAR=$jar"
elif [ -n "${GATEHOUSE_CLI_URL:-}" ]; then
  case $GATEHOUSE_CLI_URL in
    https://*) ;;
    http://*) [ -n "${GATEHOUSE_CLI_SHA256:-}" ] || die "a plain http:// GATEHOUSE_CLI_URL needs GATEHOUSE_CLI_SHA256" ;;
    *) die "GATEHOUSE_CLI_URL must be https:// (or http:// with GATEHOUSE_CLI_SHA256)" ;;
  esac
  work=$(mktemp -d 2>/dev/null) || die "cannot create a temporary directory"
  jar=$work/gatehouse-cli.jar
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 3 -o "$jar" "$GATEHOUSE_CLI_URL" || die "cannot download the CLI from $GATEHOUSE_CLI_URL"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$jar" "$GATEHOUSE_CLI_URL" || die "cannot download the CLI from $GATEHOUSE_CLI_URL"
  else
    die "neither curl nor wget to download the CLI"
  fi
  if [ -n "${GATEHOUSE_CLI_SHA256:-}" ]; then
    actual=$(sha256 "$jar")
    expected=$(printf '%s' "$GATEHOUSE_CLI_SHA256" | tr 'A-F' 'a-f')
    [ "$actual" = "$expected" ] || die "the CLI from $GATEHOUSE_CLI_URL has SHA-256 $actual, not $expected"
  fi
else
  die "no CLI: set GATEHOUSE_CLI_JAR (a jar on the agent) or GATEHOUSE_CLI_URL"
fi

cli() {
  # the options are words on purpose; stdin is not the CLI's
  # shellcheck disable=SC2086
  "$java" ${GATEHOUSE_JAVA_OPTS--Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1} -jar "$jar" "$@" </dev/null
}

say "release $GATEHOUSE_RELEASE, commit $commit, build $build${run_url:+, run $run_url}"
for report in "$@"; do
  what=${report%%=*}
  file=${report#*=}
  scanner=${what%%:*}
  category=
  case $what in
    *:*) category=${what#*:} ;;
  esac
  if [ -n "$category" ]; then
    set -- --category "$category"
  else
    set --
  fi
  [ -z "$branch" ] || set -- "$@" --branch "$branch"
  [ -z "$run_url" ] || set -- "$@" --pipeline-url "$run_url"
  cli push --release "$GATEHOUSE_RELEASE" --scanner "$scanner" --file "$file" --commit "$commit" --build "$build" "$@"
  code=$?
  if [ "$code" -ne 0 ]; then
    say "the push of $file ($what) did not import (exit $code); not gating"
    exit "$code"
  fi
done

cli gate --release "$GATEHOUSE_RELEASE"
code=$?
case $code in
  0) say "gate passes for commit $commit (build $build)" ;;
  1) say "gate fails for commit $commit (build $build): the reasons above block the release${run_url:+; run $run_url}" ;;
  *) say "the gate could not be read (exit $code)" ;;
esac
exit "$code"
