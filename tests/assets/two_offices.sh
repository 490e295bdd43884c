#!/usr/bin/env bash
# The README's two-office walk-through, run for real: a shared repository, two clones
# (Jakarta and Makassar), an edit on each, sync, log, --as-of, a conflict and its settling.
# Usage: bash tests/assets/two_offices.sh   (pemilu-timeline and git on PATH)
set -uo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export HOME=$work GIT_CONFIG_NOSYSTEM=1 PEMILU_TIMELINE_LANG=id COLUMNS=100 NO_COLOR=1
git config --global user.name "Sekretariat KPU"
git config --global user.email sekretariat@kpu.example
git config --global init.defaultBranch main
at() { export GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1"; }
show() { printf '$ %s\n' "$*"; "$@" 2>&1; local code=$?; [ $code -ne 0 ] && echo "[exit $code]"; return 0; }
# Each office points the tool at its clone's schedule once, as staff would in their profile.
in_office() { local office=$1; shift; printf '%s$ %s\n' "$office" "$*"; (cd "$work/$office" && PEMILU_TIMELINE_FILE=stages.toml "$@" 2>&1) | sed 's/^/    /'; }

at "2027-01-04T09:00:00+07:00"
show pemilu-timeline init --git pusat
show git clone --quiet --bare pusat jadwal.git
show git clone --quiet jadwal.git jakarta
show git clone --quiet jadwal.git makassar
in_office jakarta pemilu-timeline init --git .
in_office makassar pemilu-timeline init --git .

at "2027-03-01T10:00:00+07:00"
in_office jakarta pemilu-timeline edit pemilu-2029/pemungutan-suara --start 2029-02-14 \
  --why "Keputusan KPU Nomor 1 Tahun 2027" --author "Ana (KPU Jakarta) <ana@kpu.example>"
at "2027-03-01T11:00:00+08:00"
in_office makassar pemilu-timeline edit pemilu-2029/pemungutan-suara --note "Hari libur nasional" \
  --why "Keppres 5/2027" --author "Budi (KPU Makassar) <budi@kpu.example>"
at "2027-03-01T12:00:00+07:00"
in_office jakarta pemilu-timeline sync
in_office makassar pemilu-timeline sync
in_office jakarta pemilu-timeline sync
in_office jakarta pemilu-timeline log pemilu-2029/pemungutan-suara
in_office jakarta pemilu-timeline show pemilu-2029/pemungutan-suara --as-of 2027-02-28
in_office jakarta pemilu-timeline diff --since 2027-03-01

at "2027-04-01T09:00:00+07:00"
in_office jakarta pemilu-timeline edit pemilu-2029/pemungutan-suara --start 2029-02-21 \
  --why "Keputusan KPU Nomor 9 Tahun 2027" --author "Ana (KPU Jakarta) <ana@kpu.example>"
in_office jakarta pemilu-timeline sync
at "2027-04-01T10:30:00+08:00"
in_office makassar pemilu-timeline edit pemilu-2029/pemungutan-suara --start 2029-02-28 \
  --why "berita: rapat pleno 31 Maret" --author "Budi (KPU Makassar) <budi@kpu.example>"
in_office makassar pemilu-timeline sync
in_office makassar pemilu-timeline validate
in_office makassar git status --short
in_office makassar pemilu-timeline edit pemilu-2029/pemungutan-suara --start 2029-02-21 \
  --why "Keputusan KPU Nomor 9 Tahun 2027" --author "Budi (KPU Makassar) <budi@kpu.example>"
in_office makassar pemilu-timeline validate
in_office makassar pemilu-timeline sync
in_office makassar pemilu-timeline log pemilu-2029/pemungutan-suara --since 2027-04-01
