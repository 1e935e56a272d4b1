#!/usr/bin/env bash
# Runs every fuzz target (or those named) for SECONDS each (default 1800),
# with the seeds below as starting corpora, stopping at 10 million runs.
# Needs nightly and cargo-fuzz: `cargo install cargo-fuzz`.
# Findings land in fuzz/artifacts/<target>/; see README.md for what to do.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${SECONDS_EACH:-1800}
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(cli_parsers catalogue_toml rrule ics_import web_query)
seeds() {
    case $1 in
        catalogue_toml) echo ../data/observances ../data/profiles ;;
        ics_import) echo ../tests/ics/corpus/valid ../tests/ics/corpus/malformed ;;
        web_query) echo ../tests/fuzz-regressions/web_query ;;
        *) echo "seeds/$1" ;;
    esac
}
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t"
    # -a: debug assertions, so that integer overflow is a finding.
    # -s none: the code is safe Rust; a sanitizer only slows the search.
    # shellcheck disable=SC2046
    cargo +nightly fuzz run -O -a -s none "$t" "corpus/$t" $(seeds "$t") -- \
        -max_total_time="$seconds" -runs=10000000 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1
done
