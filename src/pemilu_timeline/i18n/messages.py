"""Every sentence a user reads, in Indonesian (the default) and English: the one catalog.

Keys and status codes stay the same in every language; only the words change. A plain dict,
so that the core translates its own errors without importing any UI library; two languages
do not need gettext's build step. A test holds both languages to the same keys and
placeholders, and every key to a use.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

# (Indonesian, English). Placeholders use str.format syntax.
CATALOG: dict[str, tuple[str, str]] = {
    # export
    "export.written": ("{count} tahapan ditulis ke {path}.", "Wrote {count} stages to {path}."),
    # words the iCal description adds around the schedule's own text
    "export.reason": ("Alasan", "Reason"),
    "export.condition": ("Syarat", "Condition"),
    "export.rule": ("Aturan", "Rule"),
    "export.local_time": ("Jam setempat: berlaku pada jam yang sama di WIB, WITA dan WIT.",
                          "Local time: the same clock hours in WIB, WITA and WIT."),
    "export.local_time_in": ("Jam setempat: berlaku pada jam yang sama di WIB, WITA dan WIT; "
                             "kalender ini menuliskannya dalam zona {zone}.",
                             "Local time: the same clock hours in WIB, WITA and WIT; this "
                             "calendar writes them in {zone}."),
    # statuses
    "status.past": ("selesai", "past"),
    "status.active": ("berlangsung", "active"),
    "status.upcoming": ("akan datang", "upcoming"),
    "status.pending": ("menunggu", "pending"),
    "status.tentative": ("tentatif", "tentative"),
    "status.cancelled": ("dibatalkan", "cancelled"),
    # column headings and labels
    "col.stage": ("Tahapan", "Stage"),
    "col.election": ("Pemilihan", "Election"),
    "col.dates": ("Tanggal", "Dates"),
    "col.start": ("Mulai", "Start"),
    "col.end": ("Selesai", "End"),
    "col.status": ("Status", "Status"),
    "col.progress": ("Kemajuan", "Progress"),
    "col.left": ("Sisa waktu", "Time left"),
    "col.id": ("ID", "ID"),
    "col.tags": ("Label", "Tags"),
    "col.source": ("Sumber", "Source"),
    "col.note": ("Catatan", "Note"),
    "col.url": ("Tautan", "Link"),
    "col.duration": ("Durasi", "Duration"),
    "col.revision": ("Revisi", "Revision"),
    "col.updated": ("Diperbarui", "Updated"),
    "col.zone": ("Zona waktu", "Time zone"),
    "col.state": ("Keadaan", "State"),
    "col.countdown": ("Hitung mundur", "Countdown"),
    "title.now": ("Tahapan berlangsung — {at}", "Active stages — {at}"),
    "title.list": ("Jadwal tahapan ({count})", "Stage schedule ({count})"),
    "title.timeline": ("Linimasa tahapan", "Stage timeline"),
    "label.next": ("Berikutnya", "Next"),
    "label.last_ended": ("Terakhir selesai", "Last ended"),
    "label.none_active": ("Tidak ada tahapan yang berlangsung pada {at}.",
                          "No stage is active at {at}."),
    "label.no_next": ("Tidak ada tahapan berikutnya.", "No stage comes next."),
    "label.day_of": ("hari ke-{day} dari {total}", "day {day} of {total}"),
    "label.starts_in": ("mulai {span}", "starts {span}"),
    "label.ends_in": ("berakhir {span}", "ends {span}"),
    "label.started": ("dimulai {span}", "started {span}"),
    "label.ended": ("berakhir {span}", "ended {span}"),
    "label.until_start": ("menuju dimulainya", "until the start of"),
    "label.until_end": ("menuju berakhirnya", "until the end of"),
    "label.since_start": ("sejak dimulainya", "since the start of"),
    "label.now_marker": ("sekarang", "now"),
    "label.no_milestone": (
        "Tidak ada tonggak setelah {at}. Tonggak terakhir: {last}. "
        "Sebut tahapannya (pemilu-timeline countdown TAHAPAN) atau pakai --at.",
        "No milestone comes after {at}. The last one: {last}. "
        "Name a stage (pemilu-timeline countdown STAGE) or use --at."),
    "label.no_stages": ("Tidak ada tahapan yang cocok.", "No stage matches."),
    "label.file": ("Berkas jadwal", "Schedule file"),
    "label.bundled": ("bawaan paket", "bundled with the package"),
    "label.elections": ("Pemilihan", "Elections"),
    "label.stages": ("Tahapan", "Stages"),
    "label.version": ("Versi", "Version"),
    "label.error": ("Kesalahan", "Error"),
    "label.watch_hint": ("Tekan Ctrl-C untuk berhenti.", "Press Ctrl-C to stop."),
    "label.valid": ("{path}: valid, {count} tahapan.", "{path}: valid, {count} stages."),
    "label.days_hours_minutes": ("{days} hari {hours} jam {minutes} menit",
                                 "{days} days {hours} hours {minutes} minutes"),
    "label.timed_local": ("waktu setempat", "local time"),
    "label.all_day": ("sepanjang hari", "all day"),
    # spans
    "span.future": ("{span} lagi", "in {span}"),
    "span.past": ("{span} yang lalu", "{span} ago"),
    "span.now": ("sekarang", "now"),
    "unit.year": ("{n} tahun", "{n} year"),
    "unit.years": ("{n} tahun", "{n} years"),
    "unit.month": ("{n} bulan", "{n} month"),
    "unit.months": ("{n} bulan", "{n} months"),
    "unit.day": ("{n} hari", "{n} day"),
    "unit.days": ("{n} hari", "{n} days"),
    "unit.hour": ("{n} jam", "{n} hour"),
    "unit.hours": ("{n} jam", "{n} hours"),
    "unit.minute": ("{n} menit", "{n} minute"),
    "unit.minutes": ("{n} menit", "{n} minutes"),
    # relative dates, as the regulations word them
    "rule.exactly": ("{days} hari setelah {anchor}", "{days} days after {anchor}"),
    "rule.at-latest": ("paling lambat {days} hari setelah {anchor}",
                       "at the latest {days} days after {anchor}"),
    "rule.at-earliest": ("paling cepat {days} hari setelah {anchor}",
                         "at the earliest {days} days after {anchor}"),
    "rule.edge.start": ("dimulainya {anchor}", "the start of {anchor}"),
    "rule.edge.end": ("berakhirnya {anchor}", "the end of {anchor}"),
    "label.anchor_cancelled": ("tidak akan bertanggal: {anchor} dibatalkan",
                               "will not be dated: {anchor} is cancelled"),
    "label.called_off": ("Dibatalkan, tidak berlangsung", "Cancelled, not taking place"),
    "label.and_more": ("dan {n} lainnya (lihat list --status pending)",
                       "and {n} more (see list --status pending)"),
    "label.waiting_for": ("menunggu {anchor}", "waiting for {anchor}"),
    "label.date_unknown": ("tanggal belum diketahui", "date not yet known"),
    "title.pending": ("Belum bertanggal ({count})", "Not dated yet ({count})"),
    "col.rule": ("Aturan", "Rule"),
    "col.condition": ("Syarat", "Condition"),
    # errors
    "error.generic": ("{message}", "{message}"),
    "error.usage": ("{message_id}", "{message_en}"),
    "error.invalid_input": ("{message_id}", "{message_en}"),
    "error.file": ("Berkas jadwal {path} tidak dapat dibaca: {reason_id}. {hint_id}",
                   "Cannot read schedule file {path}: {reason_en}. {hint_en}"),
    "error.stage_not_found": ("Tahapan '{query}' tidak ditemukan.",
                              "Unknown stage '{query}'."),
    "error.close_matches": ("Yang mirip: {matches}.", "Close matches: {matches}."),
    "error.run_list": ("Jalankan `pemilu-timeline list` untuk melihat semuanya.",
                       "Run `pemilu-timeline list` to see all."),
    "error.stage_ambiguous": (
        "'{query}' cocok dengan beberapa tahapan: {matches}. Sebut sebagai PEMILIHAN/ID.",
        "'{query}' matches several stages: {matches}. Name it as ELECTION/ID."),
    "error.schedule_invalid": ("{path}: {count} masalah ditemukan:",
                               "{path}: {count} problem(s) found:"),
    "error.write_refused": ("{message_id}", "{message_en}"),
    "error.output": ("tidak bisa menulis keluaran: {reason}. Periksa tujuan keluaran "
                     "(ruang disk, berkas atau terminal).",
                     "cannot write the output: {reason}. Check where it goes (disk space, "
                     "file or terminal)."),
    "error.encoding": ("terminal ini tidak bisa menampilkan huruf yang dipakai; pakai "
                       "terminal UTF-8 atau set PYTHONIOENCODING=utf-8.",
                       "this terminal cannot show the characters used; use a UTF-8 terminal "
                       "or set PYTHONIOENCODING=utf-8."),
    "error.lock_timeout": (
        "Berkas {path} sedang dikunci oleh perintah lain lebih dari {seconds} detik. "
        "Coba lagi nanti; kunci lepas sendiri saat perintah itu selesai.",
        "{path} has been locked by another command for over {seconds} s. "
        "Try again later; the lock is released by itself when that command finishes."),
    # validation problems
    "problem.stage": ("tahapan {stage}", "stage {stage}"),
    "problem.election": ("pemilihan {election}", "election {election}"),
    "problem.field": ("kolom {field}", "field {field}"),
    "problem.toml": ("TOML tidak valid: {detail}", "invalid TOML: {detail}"),
    "problem.encoding": ("berkas bukan UTF-8: {detail}", "file is not UTF-8: {detail}"),
    "problem.missing": ("kolom wajib '{field}' tidak ada", "required field '{field}' is missing"),
    "problem.missing_start": (
        "kolom 'start' tidak ada; isi tanggalnya, atau 'after' untuk tahapan relatif, "
        "atau 'undated = true' jika tanggalnya belum diketahui",
        "field 'start' is missing; give a date, or 'after' for a relative stage, "
        "or 'undated = true' when the date is not known yet"),
    "problem.unknown_field": ("kolom '{field}' tidak dikenal", "unknown field '{field}'"),
    "problem.unknown_field_hint": ("kolom '{field}' tidak dikenal; maksudnya '{suggestion}'?",
                                   "unknown field '{field}'; did you mean '{suggestion}'?"),
    "problem.type": ("'{field}' harus {expected}, bukan {got}",
                     "'{field}' must be {expected}, not {got}"),
    # what a field holds, as problem.type names it
    "type.text": ("teks", "text"),
    "type.date": ("tanggal (YYYY-MM-DD) atau tanggal-waktu setempat",
                  "a date (YYYY-MM-DD) or a local date-time"),
    "type.list": ("daftar teks", "a list of text"),
    "type.bool": ("true atau false", "true or false"),
    "type.table": ("tabel", "a table"),
    "type.stages": ("array tabel [[stages]]", "an array of tables [[stages]]"),
    "type.datetime_utc": ("tanggal-waktu UTC (mis. 2024-02-14T00:00:00Z)",
                          "a UTC date-time (e.g. 2024-02-14T00:00:00Z)"),
    "problem.empty": ("'{field}' tidak boleh kosong", "'{field}' must not be empty"),
    "problem.control": ("'{field}' berisi karakter kontrol",
                        "'{field}' contains control characters"),
    "problem.bad_id": (
        "id '{value}' tidak valid: pakai huruf kecil, angka dan tanda '-' (mis. masa-tenang)",
        "invalid id '{value}': use lowercase letters, digits and '-' (e.g. masa-tenang)"),
    "problem.end_before_start": ("selesai ({end}) sebelum mulai ({start})",
                                 "end ({end}) is before start ({start})"),
    "problem.mixed_kinds": (
        "'start' dan 'end' harus sama jenisnya: keduanya tanggal atau keduanya tanggal-waktu",
        "'start' and 'end' must be of one kind: both dates or both date-times"),
    "problem.offset_datetime": (
        "tanggal-waktu dengan offset tidak dipakai; tulis waktu setempat dan isi 'zone' "
        "(mis. zone = \"Asia/Jakarta\")",
        "date-times with an offset are not used; write local time and set 'zone' "
        "(e.g. zone = \"Asia/Jakarta\")"),
    "problem.zone_needs_time": ("'zone' hanya untuk tahapan bertanggal-waktu",
                                "'zone' applies only to stages with date-times"),
    "problem.duplicate": ("id '{stage_key}' ganda (pertama di baris {other})",
                          "duplicate id '{stage_key}' (first at line {other})"),
    "problem.unknown_election": (
        "pemilihan '{value}' tidak ada; yang ada: {known}",
        "unknown election '{value}'; known: {known}"),
    "problem.unknown_zone": (
        "zona waktu '{value}' tidak dikenal; pakai nama IANA seperti Asia/Jakarta",
        "unknown time zone '{value}'; use an IANA name such as Asia/Jakarta"),
    "problem.bad_choice": ("'{field}' harus salah satu dari: {choices}",
                           "'{field}' must be one of: {choices}"),
    "problem.bad_number": ("'{field}' harus bilangan bulat ≥ {minimum}",
                           "'{field}' must be a whole number ≥ {minimum}"),
    "problem.no_stages": ("berkas tidak berisi [[stages]]", "the file has no [[stages]]"),
    "problem.top_level": ("kunci tingkat atas '{field}' tidak dikenal; yang dipakai: {known}",
                          "unknown top-level key '{field}'; expected: {known}"),
    "problem.anchor_unknown": (
        "'after' merujuk tahapan '{anchor}' yang tidak ada",
        "'after' names stage '{anchor}', which does not exist"),
    "problem.anchor_cycle": (
        "rantai 'after' berputar kembali ke tahapan ini (lewat '{anchor}')",
        "the chain of 'after' anchors comes back to this stage (via '{anchor}')"),
    "problem.anchor_contradicts": (
        "tanggal tidak sesuai aturannya terhadap '{anchor}'; periksa 'start' atau 'after'",
        "the date breaks its rule relative to '{anchor}'; check 'start' or 'after'"),
    "problem.undated_with_date": (
        "'undated = true' tidak bisa bersama 'start'; hapus salah satunya",
        "'undated = true' cannot go with 'start'; remove one of them"),
    "problem.undated_with_after": (
        "'undated = true' tidak bisa bersama 'after'; tahapan relatif menunggu tanggal "
        "acuannya dengan sendirinya, hapus 'undated'",
        "'undated = true' cannot go with 'after'; a relative stage already waits for its "
        "anchor's date, remove 'undated'"),
    "problem.duration_at_latest": (
        "'duration' tidak berlaku untuk sense = \"at-latest\" (jendelanya sampai batas "
        "waktu); hapus 'duration'",
        "'duration' does not apply to sense = \"at-latest\" (the window runs up to the "
        "limit); remove 'duration'"),
    "problem.reason_needed": ("tahapan yang dibatalkan perlu 'reason'",
                              "a cancelled stage needs a 'reason'"),
    # editing commands (cli_edit)
    "edit.added": ("Ditambahkan {key}: {name} — {dates} (revisi {revision}).",
                   "Added {key}: {name} — {dates} (revision {revision})."),
    "edit.edited": ("Diubah {key} (revisi {revision}):", "Changed {key} (revision {revision}):"),
    "edit.unchanged": ("Tidak ada yang berubah pada {key}; berkas tidak ditulis.",
                       "Nothing changed in {key}; the file was not written."),
    "edit.rule": ("  Aturan: {rule}.", "  Rule: {rule}."),
    "edit.by_rule": ("  Tanggal menurut aturannya: {dates}.", "  Dates by its rule: {dates}."),
    "edit.waits": ("  Belum bertanggal: {dates}.", "  Pending: {dates}."),
    "edit.dependant": ("  Dihitung darinya: {key} — {dates}.",
                       "  Counted from it: {key} — {dates}."),
    "edit.removed": ("Dihapus {key}: {name} — {dates}.", "Removed {key}: {name} — {dates}."),
    "edit.confirm": ("Hapus {key} ({name}, {dates}) dari {path}?",
                     "Remove {key} ({name}, {dates}) from {path}?"),
    "edit.not_removed": ("Tidak dihapus.", "Not removed."),
    "edit.file": ("Berkas: {path}", "File: {path}"),
    "edit.init": ("Salinan jadwal yang bisa diubah dibuat: {path}",
                  "Editable copy of the schedule written: {path}"),
    "edit.init_default": ("Perintah lain memakainya otomatis; ubah dengan `pemilu-timeline add`, "
                          "`edit` dan `remove`.",
                          "Other commands use it automatically; change it with `pemilu-timeline "
                          "add`, `edit` and `remove`."),
    "edit.init_other": ("Pakai dengan --file {path} atau export PEMILU_TIMELINE_FILE={path}.",
                        "Use it with --file {path} or export PEMILU_TIMELINE_FILE={path}."),
    "edit.valid": ("OK: {path} — {elections} pemilihan, {stages} tahapan.",
                   "OK: {path} — {elections} election(s), {stages} stage(s)."),
    "edit.not_canonical": ("Catatan: berkas belum dalam bentuk kanonik; perubahan berikutnya akan "
                           "menulis ulang tata letaknya (`validate --fix-format` melakukannya "
                           "sekarang).",
                           "Note: the file is not in canonical form; the next change will rewrite "
                           "its layout (`validate --fix-format` does it now)."),
    "edit.reformatted": ("Ditulis ulang dalam bentuk kanonik: {path}",
                         "Rewritten in canonical form: {path}"),
    "edit.canonical": ("Sudah dalam bentuk kanonik: {path}", "Already in canonical form: {path}"),
    "edit.diff_head": ("{old} → {new}: {added} ditambah, {removed} dihapus, {changed} diubah.",
                       "{old} → {new}: {added} added, {removed} removed, {changed} changed."),
    "edit.no_diff": ("Tidak ada perbedaan antara {old} dan {new}.",
                     "No differences between {old} and {new}."),
    "edit.election_added": ("+ pemilihan {id}: {name}", "+ election {id}: {name}"),
    "edit.election_removed": ("- pemilihan {id}: {name}", "- election {id}: {name}"),
    "edit.election_changed": ("~ pemilihan {id}", "~ election {id}"),
    "edit.yes": ("ya", "yes"),
    "edit.no": ("tidak", "no"),
    # field names as staff see them in edit and diff output
    "field.name": ("nama", "name"),
    "field.name_en": ("nama (en)", "name (en)"),
    "field.start": ("mulai", "start"),
    "field.end": ("selesai", "end"),
    "field.zone": ("zona", "zone"),
    "field.undated": ("tanpa tanggal", "undated"),
    "field.state": ("status", "state"),
    "field.reason": ("alasan", "reason"),
    "field.condition": ("syarat", "condition"),
    "field.after": ("aturan", "rule"),
    "field.tags": ("tag", "tags"),
    "field.reason_en": ("alasan (en)", "reason (en)"),
    "field.condition_en": ("syarat (en)", "condition (en)"),
    "field.milestone": ("tonggak", "milestone"),
    "field.source": ("sumber", "source"),
    "field.url": ("url", "url"),
    "field.note": ("catatan", "note"),
    "field.note_en": ("catatan (en)", "note (en)"),
    "field.revision": ("revisi", "revision"),
    "field.updated": ("diperbarui", "updated"),
    "field.timezone": ("zona waktu", "time zone"),
}

# What the system says, in the user's language (strerror is always English).
OS_REASONS: dict[str, tuple[str, str]] = {
    "ENOENT": ("berkas atau foldernya tidak ada", "no such file or directory"),
    "EEXIST": ("sudah ada", "already exists"),
    "EACCES": ("tidak ada izin", "permission denied"),
    "EPERM": ("tidak ada izin", "operation not permitted"),
    "EISDIR": ("itu sebuah folder", "it is a directory"),
    "ENOTDIR": ("sebagian jalurnya bukan folder", "part of the path is not a directory"),
    "ENOSPC": ("ruang disk habis", "no space left on device"),
    "EDQUOT": ("kuota disk habis", "disk quota exceeded"),
    "EROFS": ("sistem berkas hanya-baca", "read-only file system"),
    "EIO": ("galat masukan/keluaran", "input/output error"),
    "ENAMETOOLONG": ("nama berkas terlalu panjang", "file name too long"),
}


def os_reasons(error: OSError) -> tuple[str, str]:
    """(Indonesian, English) for an OSError; the system's own words where none is known."""
    import errno

    name = errno.errorcode.get(error.errno or -1, "")
    fallback = error.strerror or str(error)
    return OS_REASONS.get(name, (fallback, fallback))


def check_language(lang: str) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Term:
    """A parameter that is itself a catalog entry, translated with the sentence around it
    ("'tags' harus daftar teks" / "'tags' must be a list of text")."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)


def t(key: str, lang: str, /, **params: Any) -> str:
    """Translate ``key``; an unknown key falls back to the key itself so nothing crashes."""
    texts = CATALOG.get(key)
    if texts is None:
        return key
    template = texts[1] if lang == "en" else texts[0]
    values = {name: t(value.key, lang, **value.params) if isinstance(value, Term) else value
              for name, value in params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template


