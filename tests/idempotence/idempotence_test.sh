#!/usr/bin/env bash
# Importing every development digest twice must change nothing: the second import reports
# no new or merged relation, and every query answer is byte-identical before and after.
# Usage: idempotence_test.sh ENTENTE_BINARY SHARED_DIR
set -euo pipefail
entente=$1 shared=$2
digests=("$shared"/data/digests/*.txt)
if [[ ! -e "${digests[0]}" ]]; then
  echo "SKIPPED: no development digests in $shared/data/digests (the shared folder is absent)"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

import_all() {  # import_all LOG: imports each digest with its publication date
  for txt in "${digests[@]}"; do
    name=$(basename "$txt" .txt)
    "$entente" import --db "$work/store" --published "${name:0:10}" "$txt"
  done >"$1"
}

answers() {  # answers OUT: the query answers a user would see, as JSON
  {
    "$entente" stats --db "$work/store" --json
    for who in Kazakhstan Pakistan China Russia Uzbekistan Germany Japan EU; do
      "$entente" entity "$who" --db "$work/store" --json
      "$entente" timeline "$who" --all --sources --db "$work/store" --json
      "$entente" neighbors "$who" --db "$work/store" --json
    done
    "$entente" timeline Kazakhstan Pakistan --all --sources --db "$work/store" --json
    "$entente" path Pakistan "European Union" --k 5 --db "$work/store" --json
    "$entente" path Japan Germany --k 5 --db "$work/store" --json
  } >"$1"
}

import_all "$work/first.log"
answers "$work/first.json"
import_all "$work/second.log"
answers "$work/second.json"

fail=0
if ! grep -q "relations  [1-9][0-9]* new" "$work/first.log"; then
  echo "FAIL: the first import stored no relation"; cat "$work/first.log"; fail=1
fi
if grep -E "relations  [0-9]+ new" "$work/second.log" | grep -vq "relations  0 new, 0 merged"; then
  echo "FAIL: the second import changed relations:"; cat "$work/second.log"; fail=1
fi
if ! cmp -s "$work/first.json" "$work/second.json"; then
  echo "FAIL: answers differ after the second import:"
  diff "$work/first.json" "$work/second.json" | head -20
  fail=1
fi
lines=$(wc -l <"$work/first.json")
[[ $lines -gt 20 ]] || { echo "FAIL: only $lines answer lines"; fail=1; }
echo "$([[ $fail == 0 ]] && echo PASSED || echo FAILED): ${#digests[@]} digests imported twice, $lines answer lines compared"
exit $fail
