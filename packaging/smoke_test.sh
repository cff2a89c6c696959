#!/usr/bin/env bash
# Run the BUILT bundle the way a user's machine would: a copy of dist/iphr-desk in a temporary folder, an
# empty environment (no project venv, no PYTHONPATH, no source tree), the network cut off, and check:
#   1. --version                    2. export of a letter file to .docx (a zip holding word/document.xml)
#   3. a bad letter file: exit 2 and one line, no traceback
#   4. import + list + export --id  (SQLite store, Alembic migrations shipped as files), encrypt (SQLCipher)
#   5. the window starting offscreen and quitting by itself with exit status 0; 6. the same under Xvfb
# Usage: packaging/smoke_test.sh [BUNDLE_DIR]   (default: dist/iphr-desk; build it with `make package`)
# Prints one line per check; exits 1 if any failed. CI runs it after `make test` and `make package`.
set -uo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
bundle=${1:-"$repo/dist/iphr-desk"}
[ -x "$bundle/iphr-desk" ] || { echo "smoke: FAIL no bundle at $bundle (run 'make package' first)"; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/iphr-desk-smoke.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp -a "$bundle" "$tmp/app"
mkdir -p "$tmp/home" "$tmp/data" "$tmp/out"
cd "$tmp" || exit 1
failures=0

# No network: a private network namespace holds only a loopback interface that is down.
net=()
if unshare -rn true 2>/dev/null; then
  net=(unshare -rn)
  echo "smoke: network blocked (unshare -rn)"
else
  echo "smoke: NOTE network not blocked: unshare -rn is not permitted here"
fi

# The bundle alone, as on a machine without the project's Python: an empty environment, cwd outside the repo.
app() {
  env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 TMPDIR="$tmp" "$@"
}
run() {  # run LABEL -- ARGS... : the bundle's executable under the above, output kept in $tmp/LABEL.{out,err}
  local label=$1; shift 2
  app timeout 120 "${net[@]}" "$tmp/app/iphr-desk" "$@" >"$tmp/$label.out" 2>"$tmp/$label.err"
}
ok() { echo "smoke: ok   $1"; }
fail() {
  echo "smoke: FAIL $1"
  failures=$((failures + 1))
  for f in "$tmp/$2.out" "$tmp/$2.err"; do [ -s "$f" ] && grep -v -e propagateSizeHints -e '^Detected locale' "$f" | sed -n '1,15s/^/        /p'; done
}
docx_ok() {  # docx_ok FILE: a zip whose word/document.xml holds the body and word/footnotes.xml the footnote
  # (grep without -q: with pipefail, grep -q quitting early would fail the pipeline through SIGPIPE)
  unzip -Z1 "$1" 2>/dev/null | grep -x 'word/document.xml' >/dev/null \
    && unzip -p "$1" word/document.xml | grep 'Tachkent' >/dev/null \
    && unzip -p "$1" word/footnotes.xml 2>/dev/null | grep 'Selon les informations' >/dev/null
}

cat >"$tmp/letter.md" <<'EOF'
---
language: fr
place: Bruxelles
date: 2023-10-30
subject: Situation de défenseurs des droits humains détenus
recipient:
  name: Emmanuel Macron
  gender: male
  office: head_of_state
  title: Président de la République Française
signatories:
  - name: Brigitte Dufour
    title: Directrice
    organisation: International Partnership for Human Rights (IPHR)
---
Nous vous écrivons au sujet de défenseurs détenus à Tachkent depuis *mars 2023*.[^1]

[^1]: Selon les informations recueillies par nos partenaires.
EOF
printf -- '---\nlanguage: fr\nplace: Bruxelles\nsalutation_typo: oui\n---\nCorps.\n' >"$tmp/bad.md"

# 1. --version
if run version -- --version && grep -q '^iphr-desk [0-9]' "$tmp/version.out"; then
  ok "--version ($(cat "$tmp/version.out"))"
else
  fail "--version did not print 'iphr-desk X.Y.Z'" version
fi

# 2. export straight from a letter file
if run export -- --data-dir "$tmp/data" export letter.md -o out/letter.docx && docx_ok out/letter.docx; then
  ok "export letter.md -> .docx ($(wc -c <out/letter.docx) bytes; body and footnote inside)"
else
  fail "export of a letter file to .docx (exit $?, or the body or footnote missing from the .docx)" export
fi

# 2b. a Russian letter: the address block in the dative needs pymorphy3's dictionaries and pytrovich's rules,
# data files the bundle must carry.
cat >"$tmp/letter_ru.md" <<'EOF'
---
language: ru
place: Брюссель
date: 2024-03-01
subject: О положении правозащитников
recipient:
  name: Шавкат Миромонович Мирзиёев
  gender: male
  office: head_of_state
  title: Президент Республики Узбекистан
signatories:
  - name: Brigitte Dufour
---
Мы обращаемся к Вам в связи с задержанием журналистов.
EOF
if run export_ru -- --data-dir "$tmp/data" export letter_ru.md -o out/letter_ru.docx \
  && unzip -p out/letter_ru.docx word/document.xml | grep 'Президенту Республики Узбекистан' >/dev/null \
  && unzip -p out/letter_ru.docx word/document.xml | grep 'Мирзиёеву' >/dev/null; then
  ok "export of a Russian letter -> .docx (address block in the dative)"
else
  fail "export of a Russian letter (exit $?, or the address block not in the dative)" export_ru
fi

# 3. a bad letter file: exit status 2, one line on stderr, no traceback
run bad -- --data-dir "$tmp/data" export bad.md -o out/bad.docx
status=$?
if [ "$status" -eq 2 ] && [ "$(wc -l <"$tmp/bad.err")" -eq 1 ] && ! grep -q Traceback "$tmp/bad.err" \
  && [ ! -e out/bad.docx ]; then
  ok "bad letter file: exit 2, one line ($(cut -c1-80 "$tmp/bad.err"))"
else
  fail "bad letter file: expected exit 2 and one line on stderr, got exit $status" bad
fi

# 4. the store: import (runs the Alembic migrations), list, export a stored letter
if run import -- --data-dir "$tmp/data" import letter.md && id=$(grep -Eo '[0-9]+' "$tmp/import.out" | head -1) \
  && [ -n "$id" ]; then
  ok "import letter.md -> letter id $id"
  if run list -- --data-dir "$tmp/data" list letters && grep -q 'défenseurs' "$tmp/list.out"; then
    ok "list letters ($(wc -l <"$tmp/list.out") line(s))"
  else
    fail "list letters does not show the imported letter" list
  fi
  if run export_id -- --data-dir "$tmp/data" export --id "$id" -o out/stored.docx \
    && docx_ok out/stored.docx; then
    ok "export --id $id -> .docx (the footnote survived the store's Markdown normalisation)"
  else
    fail "export --id $id to .docx" export_id
  fi
else
  fail "import letter.md into a new store (exit status or no id printed)" import
fi

# 4a. a big import: the bundle starts worker processes (itself again) to parse the files
mkdir -p "$tmp/many"
for i in $(seq 1 80); do cp letter.md "$tmp/many/letter-$i.md"; done
if run many -- --data-dir "$tmp/data-many" import "$tmp"/many/*.md && [ "$(grep -cE '^[0-9]+$' "$tmp/many.out")" = 80 ]; then
  ok "import of 80 letter files through worker processes -> 80 ids"
else
  fail "import of 80 letter files (worker processes in the bundle)" many
fi

# 4b. SQLCipher inside the bundle: encrypt a copy of the store, then read it back with the passphrase
cp -a "$tmp/data" "$tmp/data-enc"
if app IPHR_DESK_PASSPHRASE=smoke-test-passphrase timeout 120 "${net[@]}" "$tmp/app/iphr-desk" \
  --data-dir "$tmp/data-enc" encrypt >"$tmp/encrypt.out" 2>"$tmp/encrypt.err" \
  && app IPHR_DESK_PASSPHRASE=smoke-test-passphrase timeout 120 "${net[@]}" "$tmp/app/iphr-desk" \
  --data-dir "$tmp/data-enc" list letters >"$tmp/encrypt.out" 2>"$tmp/encrypt.err" \
  && grep -q 'défenseurs' "$tmp/encrypt.out"; then
  ok "encrypt the store (SQLCipher) and list its letters with the passphrase"
else
  fail "encrypt the store and read it back with IPHR_DESK_PASSPHRASE" encrypt
fi

# 5. the window, offscreen, quitting by itself (IPHR_DESK_QUIT_AFTER_MS) with exit status 0
start=$(date +%s)
if app QT_QPA_PLATFORM=offscreen IPHR_DESK_QUIT_AFTER_MS=1500 timeout 60 "${net[@]}" \
  "$tmp/app/iphr-desk" --data-dir "$tmp/data" gui >"$tmp/gui.out" 2>"$tmp/gui.err"; then
  if grep -q Traceback "$tmp/gui.err"; then
    fail "gui offscreen exited 0 but a Python exception was printed" gui
  else
    ok "gui started offscreen and quit with exit 0 ($(( $(date +%s) - start )) s)"
  fi
else
  fail "gui offscreen: exit status $? (124 = still running after 60 s)" gui
fi

# 6. the same on a real X server (Xvfb): the xcb platform plugin and the libraries it links, as on a desktop
if command -v xvfb-run >/dev/null 2>&1; then
  if app QT_QPA_PLATFORM=xcb IPHR_DESK_QUIT_AFTER_MS=1500 timeout 60 xvfb-run -a "${net[@]}" \
    "$tmp/app/iphr-desk" --data-dir "$tmp/data" gui >"$tmp/xcb.out" 2>"$tmp/xcb.err" \
    && ! grep -q Traceback "$tmp/xcb.err"; then
    ok "gui started on X11 (Xvfb, xcb plugin) and quit with exit 0"
  else
    fail "gui on X11 (Xvfb): non-zero exit status or a Python exception printed" xcb
  fi
else
  echo "smoke: NOTE xvfb-run not installed: the window was not tried on X11"
fi

if [ "$failures" -gt 0 ]; then
  echo "smoke: $failures check(s) FAILED for $bundle"
  exit 1
fi
echo "smoke: all checks passed for $bundle"
