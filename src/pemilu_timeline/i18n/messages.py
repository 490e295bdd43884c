"""Every sentence a user reads, in Indonesian (the default) and English: the one catalog.

Keys and status codes stay the same in every language; only the words change. A plain dict,
so that the core translates its own errors without importing any UI library; two languages
do not need gettext's build step. A test holds both languages to the same keys and
placeholders, and every key to a use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

# (Indonesian, English). Placeholders use str.format syntax.
CATALOG: dict[str, tuple[str, str]] = {
    # rules in the law's words (rules.phrase)
    "phrase.empty": (
        "Aturannya kosong: tulis mis. 'paling lambat 14 hari setelah 25 Maret 2024'.",
        "The rule is empty: write e.g. 'at the latest 14 days after 25 March 2024'."),
    "phrase.control": (
        "Aturan memuat karakter kendali {char}; tulis aturannya sebagai teks biasa.",
        "The rule holds the control character {char}; write it as plain text."),
    "phrase.empty_amount": (
        "{option} perlu jumlah waktu, mis. '2 tahun 6 bulan'.",
        "{option} needs an amount, e.g. '2 tahun 6 bulan' (2 years 6 months)."),
    "phrase.too_long": (
        "Aturan '{text}' terlalu panjang ({length} karakter); paling banyak {limit}.",
        "The rule '{text}' is too long ({length} characters); at most {limit}."),
    "phrase.unexpected": (
        "Aturan tidak terbaca: sesudah '{understood}' seharusnya {expected}, tetapi tertulis "
        "'{found}'.",
        "Cannot read the rule: after '{understood}' expected {expected}, found '{found}'."),
    "phrase.unexpected_first": (
        "Aturan tidak terbaca: di awalnya seharusnya {expected}, tetapi tertulis '{found}'.",
        "Cannot read the rule: at its start expected {expected}, found '{found}'."),
    "phrase.ended": (
        "Aturan tidak terbaca: sesudah '{understood}' seharusnya {expected}, tetapi aturannya "
        "berhenti di situ.",
        "Cannot read the rule: after '{understood}' expected {expected}, but the rule ends "
        "there."),
    "phrase.no_amount": (
        "Aturan '{text}' tidak menyebut jumlah waktu: tulis mis. '14 hari' atau '3 hari kerja'.",
        "No amount in the rule '{text}': write e.g. '14 days' or '3 working days'."),
    "phrase.no_anchor": (
        "Aturan '{text}' tidak menyebut acuannya: dihitung dari apa sesudah '{word}'? Tulis "
        "tanggal (25 Maret 2024) atau tahapan (pemilu-2024/putusan-mk).",
        "The rule '{text}' names no anchor: what comes after '{word}'? Write a date "
        "(25 March 2024) or a stage (pemilu-2024/putusan-mk)."),
    "phrase.number_mismatch": (
        "'{text}': angka dan tulisan hurufnya berbeda ({first} dan {second}).",
        "'{text}': the number and its words differ ({first} and {second})."),
    "phrase.too_large": (
        "'{text}' terlalu besar: paling besar {limit}.",
        "'{text}' is too large: at most {limit}."),
    "phrase.unit_twice": (
        "'{text}' menyebut '{unit}' dua kali; tulis setiap satuan sekali, mis. "
        "'2 tahun 6 bulan'.",
        "'{text}' names '{unit}' twice; write each unit once, e.g. '2 tahun 6 bulan'."),
    "phrase.unit_mix": (
        "'{text}': '{unit}' tidak bisa digabung dengan satuan lain; hari kerja dan jam berdiri "
        "sendiri, mis. '14 hari kerja' atau '3x24 jam'.",
        "'{text}': '{unit}' does not combine with other units; working days and hours stand "
        "alone, e.g. '14 working days' or '3x24 hours'."),
    "phrase.window_order": (
        "'{text}': rentang waktu ditulis dari batas paling awal ke batas paling akhir, mis. "
        "'paling singkat 2 tahun dan paling lama 2 tahun 6 bulan'.",
        "'{text}': a window goes from its earliest bound to its latest, e.g. 'at least 2 years "
        "and at most 2 years 6 months'."),
    "phrase.window_units": (
        "Kedua batas rentang harus memakai satu jenis satuan (jam, hari kerja, atau hari, "
        "bulan dan tahun kalender): '{near}' dan '{far}' berbeda jenis.",
        "Both bounds of a window must use one kind of unit (hours, working days, or calendar "
        "days, months and years): '{near}' and '{far}' differ."),
    "phrase.window_reversed": (
        "Batas awal rentang '{near}' lebih panjang dari batas akhirnya '{far}'; tukar keduanya.",
        "The window's earliest bound '{near}' is longer than its latest '{far}'; swap them."),
    # what the rule reader expected, as phrase.unexpected names it
    "phrase.expect.amount": ("jumlah waktu, mis. '14 hari' atau '3 hari kerja'",
                             "an amount of time, e.g. '14 days' or '3 working days'"),
    "phrase.expect.unit": ("satuan waktu: hari, hari kerja, jam, minggu, bulan atau tahun",
                           "a unit: days, working days, hours, weeks, months or years (hari, "
                           "hari kerja, jam, minggu, bulan, tahun)"),
    "phrase.expect.direction": ("setelah, sejak atau sebelum (lalu acuannya)",
                                "after, from or before (setelah, sejak, sebelum), then the "
                                "anchor"),
    "phrase.expect.bracketed": ("angka yang sama di dalam kurung, mis. '14 (empat belas)'",
                                "the same number in the brackets, e.g. '14 (fourteen)'"),
    "phrase.expect.closing": ("tanda kurung tutup ')'", "a closing bracket ')'"),
    "phrase.expect.factor": ("angka sesudah 'x', mis. '3x24 jam'",
                             "a number after the 'x', e.g. '3x24 hours'"),
    "phrase.expect.more": (
        "jumlah berikutnya (mis. '6 bulan') atau batas akhir (mis. 'paling lama 2 tahun')",
        "another amount (e.g. '6 months') or the latest bound (e.g. 'at most 2 years')"),
    "phrase.expect.far": ("batas akhir rentang, mis. 'paling lama 2 tahun'",
                          "the window's latest bound, e.g. 'at most 2 years'"),
    "phrase.expect.end": ("tidak ada lagi sesudah jumlahnya", "nothing after the amount"),
    "phrase.option": ("{option} ditolak. {error}", "{option} refused. {error}"),
    # export
    "export.written": ("{count} tahapan ditulis ke {path}.", "Wrote {count} stages to {path}."),
    "export.html_written": (
        "Halaman dengan {count} tahapan ditulis ke {path}: {files}.",
        "Wrote the page with {count} stages to {path}: {files}."),
    "export.html_embed": (
        "Untuk menyematkan widget, tempel kode ini di artikel:",
        "To embed the widget, paste this into an article:"),
    "export.html_base_url": (
        "Tanpa --base-url, tautan langganan webcal: dibuat oleh peramban pembaca; beri "
        "--base-url agar halaman memuatnya.",
        "Without --base-url the webcal: subscription link is made by the reader's browser; "
        "give --base-url to put it in the page."),
    # the public web page (export html)
    "page.title": ("Jadwal Tahapan Pemilu dan Pilkada", "Election Stage Schedule"),
    "page.embed_title": ("Tahapan pemilu hari ini", "Election stages today"),
    "page.skip": ("Langsung ke jadwal", "Skip to the schedule"),
    "page.as_of": ("Keadaan per", "As of"),
    "page.now": ("Sedang berlangsung", "On now"),
    "page.none_active": ("Tidak ada tahapan yang sedang berlangsung.",
                         "No stage is on right now."),
    "page.last_ended": ("Terakhir selesai", "Last ended"),
    "page.countdown": ("Hitung mundur", "Countdown"),
    "page.countdown_zones": ("Hitung mundur di WIB, WITA dan WIT",
                             "Countdown in WIB, WITA and WIT"),
    "page.zone": ("Zona", "Zone"),
    "page.h_label": ("Hari H", "Day"),
    "page.time_left": ("Sisa waktu", "Time left"),
    "page.countdown_note": (
        "H-n dihitung dengan hari kalender di setiap zona waktu.",
        "H-n counts calendar days on each zone's clock."),
    "page.no_countdown": ("Tidak ada tonggak berikutnya yang sudah bertanggal.",
                          "No dated milestone comes next."),
    "page.pending": ("Belum bertanggal", "Not dated yet"),
    "page.chart": ("Linimasa", "Timeline"),
    "page.legend": ("Keterangan warna", "Colour key"),
    "page.milestone": ("tonggak", "milestone"),
    "page.today": ("Hari ini", "Today"),
    "page.schedule": ("Jadwal lengkap", "Full schedule"),
    "page.filter": ("Saring jadwal", "Filter the schedule"),
    "page.search": ("Cari", "Search"),
    "page.all_statuses": ("semua", "all"),
    "page.shown_of": ("{shown} dari {count} tahapan", "{shown} of {count} stages"),
    "page.source_of_election": ("Dasar", "Basis"),
    "page.downloads": ("Unduh dan berlangganan", "Download and subscribe"),
    "page.calendar": ("Kalender tahapan", "Stage calendar"),
    "page.file_ical": ("Kalender (.ics)", "Calendar (.ics)"),
    "page.subscribe": ("Berlangganan kalender", "Subscribe to the calendar"),
    "page.subscribe_howto": (
        "Berlangganan agar perubahan jadwal ikut masuk: salin alamat tautan kalender, lalu "
        "di Google Calendar pilih \u201cTambahkan kalender \u2192 Dari URL\u201d, di Apple "
        "Calendar \u201cFile \u2192 New Calendar Subscription\u201d, di Outlook "
        "\u201cSubscribe from web\u201d.",
        "Subscribe so that changes to the schedule reach you: copy the calendar link's "
        "address, then in Google Calendar choose \u201cAdd calendar \u2192 From URL\u201d, in "
        "Apple Calendar \u201cFile \u2192 New Calendar Subscription\u201d, in Outlook "
        "\u201cSubscribe from web\u201d."),
    "page.file_json": ("Data untuk skrip (JSON)", "Data for scripts (JSON)"),
    "page.file_csv": ("Tabel untuk spreadsheet (CSV)", "Table for spreadsheets (CSV)"),
    "page.embed": ("Sematkan di artikel", "Embed in an article"),
    "page.embed_howto": (
        "Tempel kode ini di artikel untuk menampilkan tahapan yang berlangsung dan hitung "
        "mundurnya:",
        "Paste this into an article to show the stage on now and its countdown:"),
    "page.full_schedule": ("Jadwal lengkap \u2192", "Full schedule \u2192"),
    "page.source_line": ("Sumber:", "Source:"),
    "page.made_by": ("Diolah dengan pemilu-timeline", "Compiled with pemilu-timeline"),
    "page.static_note": (
        "Halaman ini dibuat pada waktu yang tertulis di atas; hitung mundur dan status "
        "diperbarui otomatis bila JavaScript aktif.",
        "This page was built at the time written above; the countdown and statuses move on "
        "by themselves where JavaScript runs."),
    # words the iCal description adds around the schedule's own text
    "export.reason": ("Alasan", "Reason"),
    "export.condition": ("Syarat", "Condition"),
    "export.rule": ("Aturan", "Rule"),
    "export.deadline": ("Tanggal ini adalah batas akhir (paling lambat); bisa terjadi lebih awal.",
                        "This day is the deadline (at the latest); it may happen earlier."),
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
    "col.zone": ("Zona waktu", "Time zone"),
    "col.state": ("Keadaan", "State"),
    "col.countdown": ("Hitung mundur", "Countdown"),
    "title.now": ("Tahapan berlangsung — {at}", "Active stages — {at}"),
    "title.list": ("Jadwal tahapan ({count})", "Stage schedule ({count})"),
    "title.timeline": ("Linimasa tahapan", "Stage timeline"),
    # the timeline picture (--svg/--png)
    "chart.subtitle": ("Tahapan {dates}, dalam waktu {zone}", "Stages {dates}, in {zone} time"),
    "chart.today": ("Hari ini · {date} {zone}", "Today · {date} {zone}"),
    "chart.as_of": ("Per {date} {zone}", "As of {date} {zone}"),
    "chart.milestone": ("tonggak", "milestone"),
    "chart.tags": ("label {tags}", "tags {tags}"),
    "chart.waiting": ("Menunggu tanggal", "Waiting for a date"),
    "chart.source": ("Sumber: {sources}, diolah pemilu-timeline.",
                     "Source: {sources}, compiled by pemilu-timeline."),
    "input.chart_empty": (
        "Tidak ada tahapan yang cocok, jadi tidak ada gambar yang ditulis; longgarkan "
        "--election, --tag, --region atau --from/--to.",
        "No stage matches, so no picture was written; loosen --election, --tag, --region or "
        "--from/--to."),
    "chart.more_rows": (
        "{shown} dari {total} tahapan digambar; persempit dengan --election, --tag, --region "
        "atau --from/--to.",
        "{shown} of {total} stages drawn; narrow it with --election, --tag, --region or "
        "--from/--to."),
    "label.next": ("Berikutnya", "Next"),
    "label.last_ended": ("Terakhir selesai", "Last ended"),
    "label.none_active": ("Tidak ada tahapan yang berlangsung pada {at}.",
                          "No stage is active at {at}."),
    "label.no_next": ("Tidak ada tahapan berikutnya.", "No stage comes next."),
    "usage.from_after_to": (
        "--to {end} sebelum --from {start}: rentang ini tidak memuat apa pun; tukar keduanya.",
        "--to {end} is before --from {start}: the range holds nothing; swap them."),
    "usage.bad_status": (
        "--status '{value}' tidak dikenal. Pakai salah satu dari: {choices}.",
        "--status '{value}' is unknown. Use one of: {choices}."),
    "warning.unknown_tag": (
        "Peringatan: label '{tag}' tidak dipakai tahapan mana pun (ada {known} label).",
        "Warning: no stage carries the tag '{tag}' ({known} tags are used)."),
    "warning.close_tags": ("Yang mirip: {close}.", "Close: {close}."),
    "warning.lang_env": (
        "Peringatan: ${env}='{value}' bukan bahasa yang dikenal ({choices}); dipakai bahasa "
        "bawaan.",
        "Warning: ${env}='{value}' is not a known language ({choices}); using the default."),
    "label.covers": (
        "Data ini mencakup {dates}; lihat saat lain dengan --at, mis. --at {at}.",
        "The data covers {dates}; look at another moment with --at, e.g. --at {at}."),
    "label.covers_nothing": (
        "Belum ada tahapan bertanggal; tambahkan dengan pemilu-timeline add.",
        "No stage has a date yet; add one with pemilu-timeline add."),
    "label.copies": ("{count} tahapan serupa", "{count} alike"),
    "label.copies_hint": (
        "Tahapan yang sama di banyak wilayah tampil satu baris (kunci yang pertama, +berapa "
        "lagi); --all menampilkan semuanya, --region WILAYAH satu wilayah.",
        "The same stage in many regions is one row (the first key, +how many more); --all "
        "shows every one, --region REGION one region."),
    "label.day_of": ("hari ke-{day} dari {total}", "day {day} of {total}"),
    "label.starts_in": ("mulai {span}", "starts {span}"),
    "label.ends_in": ("berakhir {span}", "ends {span}"),
    "label.started": ("dimulai {span}", "started {span}"),
    "label.ended": ("berakhir {span}", "ended {span}"),
    "label.until_start": ("menuju dimulainya", "until the start of"),
    "label.until_end": ("menuju berakhirnya", "until the end of"),
    "label.since_start": ("sejak dimulainya", "since the start of"),
    "label.deadline_in": ("batas akhir {span}", "deadline {span}"),
    "label.deadline_passed": ("batas akhir lewat {span}", "deadline passed {span}"),
    "label.until_deadline": ("menuju batas akhir", "until the deadline of"),
    "label.since_deadline": ("sejak batas akhir", "since the deadline of"),
    "label.now_marker": ("sekarang", "now"),
    "label.no_milestone": (
        "Tidak ada tonggak setelah {at}. Sebut tahapannya (pemilu-timeline countdown TAHAPAN) "
        "atau pakai --at.",
        "No milestone comes after {at}. Name a stage (pemilu-timeline countdown STAGE) or use "
        "--at."),
    "label.no_milestone_last": (
        "Tidak ada tonggak setelah {at}. Tonggak terakhir: {last}. "
        "Sebut tahapannya (pemilu-timeline countdown TAHAPAN) atau pakai --at.",
        "No milestone comes after {at}. The last one: {last}. "
        "Name a stage (pemilu-timeline countdown STAGE) or use --at."),
    "label.no_stages": ("Tidak ada tahapan yang cocok.", "No stage matches."),
    "label.file": ("Berkas jadwal", "Schedule file"),
    "label.bundled": ("bawaan paket", "bundled with the package"),
    "label.stages": ("Tahapan", "Stages"),
    "label.version": ("Versi", "Version"),
    "label.error": ("Kesalahan", "Error"),
    "label.watch_hint": ("Tekan Ctrl-C untuk berhenti.", "Press Ctrl-C to stop."),
    "label.timed_local": ("waktu setempat", "local time"),
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
    "unit.second": ("{n} detik", "{n} second"),
    "unit.seconds": ("{n} detik", "{n} seconds"),
    # relative dates, as the regulations word them
    "unit.working_day": ("{n} hari kerja", "{n} working day"),
    "unit.working_days": ("{n} hari kerja", "{n} working days"),
    "unit.times_24_hours": ("{n}×24 jam", "{n}×24 hours"),
    "rule.exactly": ("{span} {connector} {anchor}", "{span} {connector} {anchor}"),
    "rule.at-latest": ("paling lambat {span} {connector} {anchor}",
                       "at the latest {span} {connector} {anchor}"),
    "rule.at-earliest": ("paling cepat {span} {connector} {anchor}",
                         "at the earliest {span} {connector} {anchor}"),
    "rule.window": ("paling singkat {span} dan paling lama {latest} {connector} {anchor}",
                    "at least {span} and at most {latest} {connector} {anchor}"),
    "rule.after.next-day": ("setelah", "after"),
    "rule.after.anchor-day": ("sejak", "from"),
    "rule.before": ("sebelum", "before"),
    "bound.at-latest": ("paling lambat {dates}", "at the latest {dates}"),
    "bound.at-earliest": ("paling cepat {dates}", "at the earliest {dates}"),
    "label.estimated": ("perkiraan", "estimated"),
    "label.estimated_why": (
        "perkiraan: hitungan melewati hari libur yang tanggalnya belum pasti atau tahun yang "
        "cuti bersamanya belum ditetapkan",
        "estimated: the count passes a holiday whose date is not yet fixed, or a year whose "
        "cuti bersama are not yet decreed"),
    "label.skipped": ("melewati: {days}", "skipping: {days}"),
    "label.more_holidays": ("dan {n} lainnya (--json mencantumkan semuanya)",
                            "and {n} more (--json lists them all)"),
    "label.no_holidays": ("tidak ada hari libur di antaranya (selain Sabtu dan Minggu)",
                          "no holidays in between (only Saturdays and Sundays)"),
    "label.leave_not_decreed": (
        "Cuti bersama {year} belum ditetapkan (SKB belum ada); hitungan hari kerja di tahun itu "
        "adalah perkiraan.",
        "The cuti bersama of {year} are not decreed yet (no SKB); working-day counts in that "
        "year are estimates."),
    "col.result": ("Hasil", "Result"),
    "col.region": ("Wilayah", "Region"),
    "col.skipped": ("Hari libur", "Holidays"),
    "col.estimated": ("Perkiraan", "Estimate"),
    "col.holiday": ("Hari libur", "Holiday"),
    "col.kind": ("Jenis", "Kind"),
    "title.holidays": ("Hari libur dan cuti bersama {year} ({count})",
                       "Holidays and cuti bersama of {year} ({count})"),
    "holiday.libur-nasional": ("libur nasional", "national holiday"),
    "holiday.cuti-bersama": ("cuti bersama", "collective leave"),
    "holiday.libur-daerah": ("libur daerah", "local holiday"),
    "hitung.edge_needs_stage": (
        "'{anchor}' menyebut awal atau akhir sebuah tahapan; hitung memerlukan tanggal, mis. "
        "'14 hari sebelum 20 Oktober 2029'. Untuk menghitung dari tahapan, pakai add/edit "
        "--rule.",
        "'{anchor}' names the start or end of a stage; hitung needs a date, e.g. '14 days "
        "before 20 October 2029'. To count from a stage, use add/edit --rule."),
    "hitung.needs_time": (
        "Aturan dalam jam dihitung dari sebuah jam; tulis jamnya: '{anchor} pukul 22.19 WIB'.",
        "A rule in hours counts from a time of day; give it: '{anchor} pukul 22.19 WIB'."),
    "hitung.inverted_window": (
        "Batas 'paling lama' jatuh sebelum batas 'paling singkat'; tukar keduanya.",
        "The 'at most' bound falls before the 'at least' one; swap the two."),
    "hitung.out_of_range": (
        "Hasilnya di luar tahun {first}–{last}.",
        "The result falls outside the years {first}–{last}."),
    "libur.year_out_of_range": (
        "Tahun {year} di luar {first}–{last}.",
        "The year {year} is outside {first}–{last}."),
    "holidays.bad_overlay": ("Berkas hari libur {path} rusak: {reason}. Pasang ulang paket.",
                             "The holiday file {path} is damaged: {reason}. Reinstall the "
                             "package."),
    "rule.edge.start": ("dimulainya {anchor}", "the start of {anchor}"),
    "rule.edge.end": ("berakhirnya {anchor}", "the end of {anchor}"),
    "label.anchor_cancelled": ("tidak akan bertanggal: {anchor} dibatalkan",
                               "will not be dated: {anchor} is cancelled"),
    "label.called_off": ("Dibatalkan, tidak berlangsung", "Cancelled, not taking place"),
    "label.and_more": ("dan {n} lainnya (lihat list --status pending)",
                       "and {n} more (see list --status pending)"),
    "label.more_matches": ("dan {n} lainnya", "and {n} more"),
    "label.waiting_for": ("menunggu {anchor}", "waiting for {anchor}"),
    "label.date_unknown": ("tanggal belum diketahui", "date not yet known"),
    "title.pending": ("Belum bertanggal ({count})", "Not dated yet ({count})"),
    "title.long_running": ("Tahapan panjang yang berlangsung", "Long-running stages"),
    "col.rule": ("Aturan", "Rule"),
    "col.condition": ("Syarat", "Condition"),
    # errors
    "error.generic": ("Perintah tidak bisa dijalankan.", "The command cannot be run."),
    "error.usage": ("Opsi-opsinya tidak bisa dipakai bersama; lihat --help.",
                    "These options do not go together; see --help."),
    "error.invalid_input": ("Masukan tidak bisa dipakai; lihat --help.",
                            "The input cannot be used; see --help."),
    "error.file": ("Berkas jadwal {path} tidak dapat dibaca: {reason}. {hint}",
                   "Cannot read schedule file {path}: {reason}. {hint}"),
    "error.cache_damaged": (
        "entri cache {entry} rusak dan sudah dihapus; jalankan perintahnya sekali lagi.",
        "the cache entry {entry} is damaged and has been removed; run the command again."),
    "error.stage_not_found": ("Tahapan '{query}' tidak ditemukan.",
                              "Unknown stage '{query}'."),
    "error.region_not_found": (
        "Wilayah '{query}' tidak ditemukan.",
        "Unknown region '{query}'."),
    "error.region_ambiguous": (
        "'{query}' cocok dengan beberapa wilayah: {matches}. Sebut lebih lengkap, mis. "
        "'{example}', atau pakai kodenya.",
        "'{query}' matches several regions: {matches}. Say more, e.g. '{example}', or use its "
        "code."),
    "error.close_matches": ("Yang mirip: {matches}.", "Close matches: {matches}."),
    "error.run_list": ("Jalankan `pemilu-timeline list` untuk melihat semuanya.",
                       "Run `pemilu-timeline list` to see all."),
    "error.stage_ambiguous": (
        "'{query}' cocok dengan beberapa tahapan: {matches}. Sebut sebagai PEMILIHAN/ID.",
        "'{query}' matches several stages: {matches}. Name it as ELECTION/ID."),
    "error.schedule_invalid": ("{path}: {count} masalah ditemukan:",
                               "{path}: {count} problem(s) found:"),
    "error.write_refused": ("Berkas tidak diubah.", "The file is unchanged."),
    "error.output": ("tidak bisa menulis keluaran: {reason}. Periksa tujuan keluaran "
                     "(ruang disk, berkas atau terminal).",
                     "cannot write the output: {reason}. Check where it goes (disk space, "
                     "file or terminal)."),
    "error.encoding": ("terminal ini tidak bisa menampilkan huruf yang dipakai; pakai "
                       "terminal UTF-8 atau set PYTHONIOENCODING=utf-8.",
                       "this terminal cannot show the characters used; use a UTF-8 terminal "
                       "or set PYTHONIOENCODING=utf-8."),
    "error.charts_missing": (
        "Gambar --svg/--png perlu matplotlib: pip install 'pemilu-timeline[charts]'",
        "--svg/--png pictures need matplotlib: pip install 'pemilu-timeline[charts]'"),
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
    "problem.too_large": ("'{field}' paling besar {maximum}", "'{field}' is at most {maximum}"),
    "problem.date_range": ("tanggal '{field}' harus di antara tahun {first} dan {last}",
                           "the date in '{field}' must be between the years {first} and {last}"),
    "problem.toml_nesting": ("TOML bersarang terlalu dalam", "TOML nested too deeply"),
    "problem.anchor_out_of_range": (
        "aturannya terhadap '{anchor}' menghasilkan tanggal di luar tahun {first}–{last}",
        "its rule relative to '{anchor}' gives a date outside the years {first}–{last}"),
    "problem.top_level": ("kunci tingkat atas '{field}' tidak dikenal; yang dipakai: {known}",
                          "unknown top-level key '{field}'; expected: {known}"),
    "problem.region_code": (
        "kode wilayah '{value}' bukan kode Kemendagri (dua angka untuk provinsi, mis. \"32\"; "
        "\"36.04\" untuk kabupaten/kota)",
        "region code '{value}' is not a Kemendagri code (two digits for a province, e.g. "
        "\"32\"; \"36.04\" for a kabupaten or kota)"),
    "problem.region_province": (
        "wilayah '{value}' mengambil zona waktu provinsinya, tetapi provinsi '{province}' tidak "
        "ada di tabel regions; tambahkan [regions.\"{province}\"]",
        "region '{value}' takes its province's time zone, but province '{province}' is not in "
        "the regions table; add [regions.\"{province}\"]"),
    "problem.url": (
        "'{field}' harus alamat web lengkap: http:// atau https://, lalu nama situsnya",
        "'{field}' must be a whole web address: http:// or https://, then the site's name"),
    "problem.region_kind": (
        "kode '{value}' tidak cocok dengan jenis '{kind}': kode dua angka adalah provinsi, "
        "kode 'PP.KK' kabupaten atau kota",
        "code '{value}' does not fit kind '{kind}': a two-digit code is a province, a 'PP.KK' "
        "code a kabupaten or kota"),
    "problem.region_zone": (
        "zona '{value}' bukan zona waktu Indonesia; pakai salah satu dari: {zones}",
        "'{value}' is not an Indonesian time zone; use one of: {zones}"),
    "problem.region_name_twice": (
        "nama '{value}' sudah dipakai wilayah {other}; dua wilayah tidak boleh bernama sama",
        "the name '{value}' is already region {other}'s; two regions cannot share a name"),
    "problem.unknown_region": (
        "wilayah '{value}' tidak ada di tabel regions berkas ini; tulis kode Kemendagri dari "
        "tabel itu, atau tambahkan [regions.\"{value}\"]",
        "region '{value}' is not in this file's regions table; write a Kemendagri code from "
        "that table, or add [regions.\"{value}\"]"),
    "problem.anchor_unknown": (
        "'after' merujuk tahapan '{anchor}' yang tidak ada",
        "'after' names stage '{anchor}', which does not exist"),
    "problem.anchor_cycle": (
        "rantai 'after' berputar kembali ke tahapan ini (lewat '{anchor}')",
        "the chain of 'after' anchors comes back to this stage (via '{anchor}')"),
    "problem.anchor_contradicts": (
        "tanggal tertulis {written} tidak sesuai aturannya terhadap '{anchor}', yang memberi "
        "{allowed}; periksa 'start' atau 'after'",
        "the written date {written} breaks its rule relative to '{anchor}', which gives "
        "{allowed}; check 'start' or 'after'"),
    "problem.anchor_needs_time": (
        "aturan dalam jam dihitung dari jam acuannya, tetapi '{anchor}' hanya bertanggal; "
        "tulis jamnya pada tahapan itu (mis. 2024-03-20T22:19:00) atau pakai hari",
        "a rule in hours counts from its anchor's time, but '{anchor}' has only a date; give "
        "that stage its time (e.g. 2024-03-20T22:19:00) or count in days"),
    "problem.anchor_inverted_window": (
        "batas jauh jendelanya terhadap '{anchor}' jatuh sebelum batas dekatnya; tukar "
        "keduanya",
        "its window relative to '{anchor}' ends before it begins; swap the two bounds"),
    "problem.undated_with_date": (
        "'undated = true' tidak bisa bersama 'start'; hapus salah satunya",
        "'undated = true' cannot go with 'start'; remove one of them"),
    "problem.undated_with_after": (
        "'undated = true' tidak bisa bersama 'after'; tahapan relatif menunggu tanggal "
        "acuannya dengan sendirinya, hapus 'undated'",
        "'undated = true' cannot go with 'after'; a relative stage already waits for its "
        "anchor's date, remove 'undated'"),
    "rule.problem.mixed_units": (
        "hari kerja dan jam tidak bisa digabung dengan satuan lain; tulis satu satuan saja",
        "working days and hours cannot be combined with other units; use one unit alone"),
    "rule.problem.window_needs_latest": (
        "jendela (sense = \"window\") perlu batas jauhnya: 'latest' di berkas, --latest di "
        "perintah (paling lama …)",
        "a window (sense = \"window\") needs its far bound: 'latest' in the file, --latest "
        "on the command line (at most …)"),
    "rule.problem.latest_needs_window": (
        "'latest' (--latest) hanya untuk jendela (sense = \"window\"); hapus atau ubah sense",
        "'latest' (--latest) is only for a window (sense = \"window\"); remove it or change "
        "the sense"),
    "rule.problem.empty_latest": (
        "'latest' tidak memuat satuan waktu; tulis mis. {{ years = 2, months = 6 }}",
        "'latest' holds no amount; write e.g. {{ years = 2, months = 6 }}"),
    "rule.problem.window_units": (
        "kedua batas jendela harus satuan sejenis: jam, hari kerja, atau hari/bulan/tahun",
        "both bounds of a window must use one kind of unit: hours, working days, or "
        "days/months/years"),
    "rule.problem.duration_unused": (
        "'duration' (--duration) tidak berlaku untuk batas paling lambat, jendela, atau aturan "
        "dalam jam; hapus",
        "'duration' (--duration) does not apply to an at-latest bound, a window or a rule in "
        "hours; remove it"),
    "rule.problem.before_from_anchor_day": (
        "counting = \"anchor-day\" (sejak) hanya menghitung maju; aturan 'sebelum' dihitung "
        "dari hari sebelum acuannya: hapus counting atau ubah direction",
        "counting = \"anchor-day\" (sejak) only counts forward; a 'before' rule counts from "
        "the day before its anchor: remove counting or change the direction"),
    "problem.reason_needed": ("tahapan yang dibatalkan perlu 'reason'",
                              "a cancelled stage needs a 'reason'"),
    # the edit commands' output (cli/edit, cli/check)
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
    "edit.diff_head_elections": (
        "{old} → {new}: tahapan {added} ditambah, {removed} dihapus, {changed} diubah; "
        "pemilihan {elections_added} ditambah, {elections_removed} dihapus, "
        "{elections_changed} diubah.",
        "{old} → {new}: stages {added} added, {removed} removed, {changed} changed; "
        "elections {elections_added} added, {elections_removed} removed, "
        "{elections_changed} changed."),
    "edit.no_diff": ("Tidak ada perbedaan antara {old} dan {new}.",
                     "No differences between {old} and {new}."),
    "edit.election_added": ("+ pemilihan {id}: {name}", "+ election {id}: {name}"),
    "edit.election_removed": ("- pemilihan {id}: {name}", "- election {id}: {name}"),
    "edit.election_changed": ("~ pemilihan {id}", "~ election {id}"),
    "edit.yes": ("ya", "yes"),
    "edit.no": ("tidak", "no"),
    # values typed by the user, files that cannot be used
    "input.unknown_zone": (
        "Zona waktu '{name}' tidak dikenal. Pakai WIB, WITA, WIT atau nama IANA seperti "
        "Asia/Jakarta.",
        "Unknown time zone '{name}'. Use WIB, WITA, WIT or an IANA name such as Asia/Jakarta."),
    "input.at_not_on_calendar": (
        "{what} bukan tanggal yang ada di kalender (atau jam atau offsetnya tidak ada). "
        "Contoh: 2024-02-12, 2024-02-13T23:30+08:00.",
        "{what} is not a date on the calendar (or its time or offset does not exist). "
        "Examples: 2024-02-12, 2024-02-13T23:30+08:00."),
    "input.at_not_iso": (
        "{what} bukan tanggal ISO 8601. Contoh: 2024-02-12, 2024-02-13T23:30, "
        "2024-02-13T16:30:00Z.",
        "{what} is not an ISO 8601 date. Examples: 2024-02-12, 2024-02-13T23:30, "
        "2024-02-13T16:30:00Z."),
    "input.unknown_duration": (
        "Durasi '{text}' tidak dikenal. Contoh: 1d, 2h, 30m, 1d12h, P1D, PT2H.",
        "Unknown duration '{text}'. Examples: 1d, 2h, 30m, 1d12h, P1D, PT2H."),
    "input.bad_epoch": (
        "SOURCE_DATE_EPOCH '{epoch}' bukan bilangan detik sejak 1970.",
        "SOURCE_DATE_EPOCH '{epoch}' is not a number of seconds since 1970."),
    "hint.file_missing": (
        "Periksa --file / $PEMILU_TIMELINE_FILE, atau buat salinan dengan `pemilu-timeline init`.",
        "Check --file / $PEMILU_TIMELINE_FILE, or make a copy with `pemilu-timeline init`."),
    "hint.file_is_folder": ("Sebut berkas .toml-nya.", "Name the .toml file."),
    "hint.file_access": ("Periksa izin berkasnya.", "Check the file's permissions."),
    "hint.file_name": ("Periksa nama berkasnya.", "Check the file name."),
    "hint.regular_file": ("Sebut berkas .toml biasa.", "Name a plain .toml file."),
    "reason.not_regular": (
        "itu bukan berkas biasa (perangkat, pipa atau soket)",
        "it is not a regular file (a device, a pipe or a socket)"),
    "reason.too_large": ("lebih dari {limit} MiB", "it is over {limit} MiB"),
    "write.comments": (
        "{path} berisi komentar (baris {line}) yang akan hilang karena penulis TOML tidak bisa "
        "menyimpannya. Pindahkan isinya ke kolom 'note' atau 'source', atau ulangi dengan "
        "--drop-comments untuk membuangnya; berkas tidak diubah.",
        "{path} has comments (line {line}) that writing would lose: the TOML writer cannot keep "
        "them. Move them into a 'note' or 'source' field, or run again with --drop-comments to "
        "discard them; the file is unchanged."),
    # dates as staff type them
    "input.at_out_of_range": (
        "{what} di luar tahun {first}–{last}.", "{what} is outside the years "
        "{first}–{last}."),
    "date.in_phrase": ("Tanggal dalam aturan", "The date in the rule"),
    "date.refused": (
        "{option} '{text}' {why} Contoh: {examples}.",
        "{option} '{text}' {why} Examples: {examples}."),
    "date.why.empty": ("kosong.", "is empty."),
    "date.why.control": ("berisi karakter kontrol.", "contains control characters."),
    "date.why.zones": ("menyebut lebih dari satu zona waktu.", "names more than one time zone."),
    "date.why.unreadable": ("bukan tanggal yang dikenali.", "is not a date I can read."),
    "date.why.year": ("perlu tahun empat angka.", "needs a four-digit year."),
    "date.why.not_on_calendar": (
        "bukan tanggal yang ada di kalender.",
        "is not a date on the calendar."),
    "date.why.incomplete": ("perlu tanggal, bulan dan tahun.", "needs a day, a month and a year."),
    "date.why.zone_unknown": (
        "memakai zona yang tidak dikenali; pakai WIB/WITA/WIT atau {zone_option}.",
        "has a zone I cannot use; write WIB/WITA/WIT or use {zone_option}."),
    "date.why.zone_without_time": (
        "menyebut zona waktu tanpa jam.",
        "names a time zone but no time."),
    "date.why.utc_offset": (
        "memakai offset UTC; tulis jam setempat dan pakai {zone_option} (mis. {zone_option} "
        "WIB).",
        "has a UTC offset; write the local time and use {zone_option} (e.g. {zone_option} "
        "WIB)."),
    "date.weekday": (
        "{option} '{text}': {day} jatuh pada hari {actual}, bukan {written}. Periksa tanggalnya.",
        "{option} '{text}': {day} is a {actual}, not {written}. Check the date."),
    # writing the schedule
    "write.failed": (
        "Tidak bisa menulis {path}: {reason}. Berkas tidak diubah.",
        "Cannot write {path}: {reason}. The file is unchanged."),
    "write.lock_file": (
        "Tidak bisa membuat berkas kunci {lock}: {reason}. Periksa izin folder {folder}; berkas "
        "tidak diubah.",
        "Cannot create the lock file {lock}: {reason}. Check the permissions of {folder}; the "
        "file is unchanged."),
    "write.changed": (
        "{path} diubah program lain selama perintah ini berjalan; perubahan tidak ditulis. "
        "Jalankan perintahnya lagi.",
        "{path} was changed by another program while this command ran; nothing was written. Run "
        "the command again."),
    "write.read_only": (
        "{path} hanya-baca; tidak diubah. Periksa izinnya (chmod u+w) atau buat salinan dengan "
        "`pemilu-timeline init`.",
        "{path} is read-only; it was not changed. Check its permissions (chmod u+w) or make a "
        "copy with `pemilu-timeline init`."),
    "write.invalid_result": (
        "Perubahan ditolak, hasilnya tidak valid: {problems}. Berkas tidak diubah.",
        "Change refused, the result would be invalid: {problems}. The file is unchanged."),
    "write.not_regular": (
        "{path} bukan berkas biasa (folder, perangkat atau pipa); tidak ditulis. Sebut "
        "berkas biasa.",
        "{path} is not a regular file (a folder, a device or a pipe); nothing was written. "
        "Name a plain file."),
    "write.link_elsewhere": (
        "{path} adalah tautan ke {target} di folder lain; tidak ditulis lewat tautan. Sebut "
        "berkas itu langsung: {target}.",
        "{path} is a link to {target} in another folder; nothing is written through it. Name "
        "that file itself: {target}."),
    "write.exists": (
        "{path} sudah ada; tidak ditimpa. Pakai --force untuk menggantinya dengan jadwal bawaan.",
        "{path} already exists; it was not overwritten. Use --force to replace it with the "
        "bundled schedule."),
    # what the commands refuse
    "usage.file_twice": (
        "Sebut berkasnya sekali saja: FILE atau --file.",
        "Name the file once: FILE or --file."),
    "usage.alarm_ical": (
        "--alarm hanya untuk format ical.",
        "--alarm only goes with the ical format."),
    "usage.floating": (
        "--floating hanya untuk format ical, dan tidak bersama --tz.",
        "--floating only goes with the ical format, and not with --tz."),
    "usage.excel_csv": (
        "--excel hanya untuk format csv.",
        "--excel only goes with the csv format."),
    "usage.html_dir": (
        "Format html menulis satu folder: beri -o FOLDER, mis. 'export html -o situs'.",
        "The html format writes a folder: give -o DIR, e.g. 'export html -o site'."),
    "usage.html_only": (
        "{option} hanya untuk format html.",
        "{option} only goes with the html format."),
    "usage.base_url": (
        "--base-url '{url}' bukan alamat web: tulis alamat lengkap tempat halaman dipasang, "
        "mis. https://contoh.go.id/pemilu/.",
        "--base-url '{url}' is not a web address: give the full address the page will live "
        "at, e.g. https://example.org/pemilu/."),
    "usage.watch": (
        "--watch menampilkan hitungan yang berjalan; tidak bisa bersama --json.",
        "--watch shows a running countdown; it does not go with --json."),
    "input.day_with_time": (
        "{option} '{text}' menyebut jam; {option} menerima hari saja, mis. 2024-02-14 atau "
        "'14 Februari 2024'.",
        "{option} '{text}' has a time of day; {option} takes a day only, e.g. 2024-02-14 or "
        "'14 Februari 2024'."),
    "input.unknown_election": (
        "Pemilihan '{name}' tidak ada. Yang ada: {known}.",
        "Unknown election '{name}'. Known: {known}."),
    "input.cannot_write": (
        "Tidak bisa menulis {path}: {reason}.",
        "Cannot write {path}: {reason}."),
    "input.countdown_cancelled": (
        "{key} dibatalkan; tidak ada hitung mundur. Alasan: {reason}",
        "{key} is cancelled; there is no countdown. Reason: {reason}"),
    "input.countdown_undated": (
        "{key} belum bertanggal: tanggalnya belum diketahui. Beri tanggal dengan "
        "`pemilu-timeline edit {key} --start TANGGAL` bila sudah ditetapkan.",
        "{key} has no date yet: it is not known. Date it with `pemilu-timeline edit {key} "
        "--start DATE` once it is set."),
    "input.countdown_pending": (
        "{key} belum bertanggal: menunggu {anchor}. Beri tanggal dengan `pemilu-timeline edit "
        "{anchor} --start TANGGAL`.",
        "{key} has no date yet: it waits for {anchor}. Date it with `pemilu-timeline edit "
        "{anchor} --start DATE`."),
    "write.bundled": (
        "Jadwal bawaan tidak diubah. Buat salinan yang bisa diubah dengan `pemilu-timeline init`, "
        "lalu jalankan perintah ini lagi.",
        "The bundled schedule is never changed. Make an editable copy with `pemilu-timeline "
        "init`, then run this command again."),
    # the edit commands' refusals
    "input.zones_differ": (
        "--start dan --end menyebut zona waktu yang berbeda.",
        "--start and --end name different time zones."),
    "write.is_bundled": (
        "{path} adalah jadwal bawaan itu sendiri.",
        "{path} is the bundled schedule itself."),
    "usage.election_disagrees": (
        "{key} dan --election {election} tidak cocok.",
        "{key} and --election {election} disagree."),
    "edit.rule_parts_need_after": (
        "Bagian aturan (--days, --working-days, --sense, --edge …) perlu --after TAHAPAN, "
        "atau tulis seluruh aturannya dengan --rule \"paling lambat 3 hari setelah TAHAPAN\".",
        "Parts of a rule (--days, --working-days, --sense, --edge …) need --after STAGE, or "
        "write the whole rule with --rule \"at the latest 3 days after STAGE\"."),
    "edit.rule_with_parts": (
        "--rule sudah memuat seluruh aturan; jangan digabung dengan --after, --days, --sense "
        "dan bagian aturan lainnya.",
        "--rule holds the whole rule; do not combine it with --after, --days, --sense or the "
        "other parts of a rule."),
    "edit.undated_with_date": (
        "--undated tidak bisa bersama --start atau --after.",
        "--undated does not go with --start or --after."),
    "edit.end_needs_start": ("--end perlu --start.", "--end needs --start."),
    "edit.needs_dating": (
        "Beri --start, atau --after TAHAPAN untuk tahapan yang dihitung dari tahapan lain, atau "
        "--undated jika tanggalnya belum diketahui.",
        "Give --start, or --after STAGE for a stage counted from another stage, or --undated when "
        "its date is not known yet."),
    "edit.name_election": (
        "Sebut pemilihannya dengan --election. Yang ada: {known}.",
        "Name the election with --election. Known: {known}."),
    "usage.tag_no_tags": (
        "--tag dan --no-tags tidak bisa dipakai bersama.",
        "--tag and --no-tags do not go together."),
    "edit.no_after_with_rule": (
        "--no-after tidak bisa bersama --rule, --after atau bagian aturan lainnya.",
        "--no-after does not go with --rule, --after or the other parts of a rule."),
    "usage.undated_with_dates": (
        "--undated tidak bisa bersama --start, --end atau --after.",
        "--undated does not go with --start, --end or --after."),
    "usage.nothing_to_change": (
        "Sebutkan apa yang diubah, mis. --start atau --name (lihat `pemilu-timeline edit "
        "--help`).",
        "Say what to change, e.g. --start or --name (see `pemilu-timeline edit --help`)."),
    "input.remove_needs_terminal": (
        "remove meminta konfirmasi di terminal; dari skrip pakai --yes.",
        "remove asks for confirmation at a terminal; in scripts use --yes."),
    # changes to a stage that are refused
    "edit.empty": ("{option} tidak boleh kosong.", "{option} must not be empty."),
    "edit.control": (
        "{option} berisi karakter kontrol ({char}); hapus karakter itu.",
        "{option} contains a control character ({char}); remove it."),
    "edit.bad_id": (
        "{option} '{value}' bukan id yang sah: pakai huruf kecil, angka dan tanda '-', mis. "
        "debat-capres-1.",
        "{option} '{value}' is not a valid id: use lower-case letters, digits and '-', e.g. "
        "debat-capres-1."),
    "edit.unknown_zone": (
        "{option} '{value}' tidak dikenal. Pakai WIB, WITA, WIT atau nama IANA seperti "
        "Asia/Jakarta.",
        "{option} '{value}' is unknown. Use WIB, WITA, WIT or an IANA name such as "
        "Asia/Jakarta."),
    "edit.bad_url": (
        "--url '{value}' bukan alamat web: tulis alamat lengkap, http:// atau https:// lalu "
        "nama situsnya, mis. https://jdih.kpu.go.id/.",
        "--url '{value}' is not a web address: write it whole, http:// or https:// then the "
        "site's name, e.g. https://jdih.kpu.go.id/."),
    "election.exists": (
        "Pemilihan {election} sudah ada; ubah dengan `pemilu-timeline election edit {election}`.",
        "Election {election} already exists; change it with `pemilu-timeline election edit "
        "{election}`."),
    "election.missing": ("Pemilihan baru perlu {option}.", "A new election needs {option}."),
    "election.required": (
        "{option} wajib ada; beri nilai baru, bukan ''.",
        "{option} is required; give a new value, not ''."),
    "election.has_stages": (
        "Pemilihan {election} masih punya tahapan ({count}); hapus dulu tahapannya (list -e "
        "{election}).",
        "Election {election} still has stages ({count}); remove them first (list -e "
        "{election})."),
    "election.unknown": (
        "Pemilihan '{election}' tidak ada di berkas. Yang ada: {known}.",
        "Election '{election}' is not in the file. Known: {known}."),
    "election.nothing_to_change": (
        "Tidak ada yang diubah: beri --name, --name-en, --timezone, --source, --url atau --note.",
        "Nothing to change: give --name, --name-en, --timezone, --source, --url or --note."),
    "election.added": ("Ditambahkan pemilihan {election}: {name} ({timezone}).",
                       "Added election {election}: {name} ({timezone})."),
    "election.edited": ("Diubah pemilihan {election}:", "Changed election {election}:"),
    "election.unchanged": ("Pemilihan {election} tidak berubah.",
                           "Election {election} is unchanged."),
    "election.removed": ("Dihapus pemilihan {election}.", "Removed election {election}."),
    "election.next": (
        "Tambahkan tahapannya: pemilu-timeline add ID --election {election} --name … --start "
        "… --source …",
        "Add its stages: pemilu-timeline add ID --election {election} --name … --start … "
        "--source …"),
    "title.elections": ("Pemilihan ({count})", "Elections ({count})"),
    "col.stages": ("Tahapan", "Stages"),
    "edit.mixed_kinds": (
        "Mulai dan selesai harus sama jenisnya: keduanya tanggal, atau keduanya tanggal dengan "
        "jam.",
        "Start and end must be of one kind: both dates, or both dates with a time."),
    "edit.end_before_start": (
        "Selesai ({end}) sebelum mulai ({start}).",
        "The end ({end}) is before the start ({start})."),
    "edit.unknown_election": (
        "Pemilihan '{election}' tidak ada di berkas. Yang ada: {known}. Tambahkan dengan "
        "`pemilu-timeline election add {election} --name … --timezone WIB --source …`.",
        "Election '{election}' is not in the file. Known: {known}. Add it with "
        "`pemilu-timeline election add {election} --name … --timezone WIB --source …`."),
    "batch.stamped": (
        "Tahapan ke-{number} di berkas menulis '{field}'; kolom itu diisi pemilu-timeline "
        "sendiri (revisi 1, waktu sekarang). Hapus kolom itu lalu ulangi; jadwal tidak diubah.",
        "Stage #{number} of the file gives '{field}'; pemilu-timeline sets that field itself "
        "(revision 1, the current time). Remove it and try again; the schedule is unchanged."),
    "batch.missing": (
        "Tahapan ke-{number} di berkas tidak punya '{field}'. Tambahkan lalu ulangi; jadwal "
        "tidak diubah.",
        "Stage #{number} of the file has no '{field}'. Add it and try again; the schedule is "
        "unchanged."),
    "batch.rule_table": (
        "Tahapan ke-{number} di berkas memberi 'after' yang bukan tabel; aturan adalah tabel: "
        "[stages.after] dengan stage = \"ELECTION/ID\" dan days, working_days, months ….",
        "Stage #{number} of the file gives an 'after' that is not a table; a rule is a table: "
        "[stages.after] with stage = \"ELECTION/ID\" and days, working_days, months …."),
    "batch.twice": (
        "Tahapan {key} ada dua kali di berkas (yang kedua: ke-{number}). Hapus salah satunya; "
        "jadwal tidak diubah.",
        "Stage {key} is in the file twice (the second: #{number}). Remove one; the schedule is "
        "unchanged."),
    "batch.empty": ("Berkas {path} tidak berisi tahapan.", "{path} holds no stages."),
    "batch.top_level": (
        "Berkas {path} berisi '{key}'; berkas tambahan hanya berisi tabel [[stages]]. Tambahkan "
        "pemilihan dengan `pemilu-timeline election add`.",
        "{path} holds '{key}'; a batch file holds only [[stages]] tables. Add elections with "
        "`pemilu-timeline election add`."),
    "batch.not_list": (
        "Berkas {path} harus berisi daftar tahapan (TOML: tabel [[stages]]; JSON: [{{…}}, …] "
        "atau {{\"stages\": [...]}}).",
        "{path} must hold a list of stages (TOML: [[stages]] tables; JSON: [{{…}}, …] or "
        "{{\"stages\": [...]}})."),
    "batch.toml": (
        "Berkas {path} bukan TOML yang sah (baris {line}): {detail}. Berkas JSON atau CSV "
        "dikenali dari akhiran namanya (.json, .csv).",
        "{path} is not valid TOML (line {line}): {detail}. A JSON or CSV file is known by its "
        "name's ending (.json, .csv)."),
    "batch.json_key_twice": ("Berkas {path} menulis '{key}' dua kali dalam satu objek.",
                             "{path} gives '{key}' twice in one object."),
    "batch.csv_header_twice": ("Judul berkas {path} punya kolom '{field}' dua kali.",
                               "The header of {path} has the column '{field}' twice."),
    "batch.takes_date": ("tanggal ISO 8601 seperti 2024-02-14 atau 2024-02-14T07:00",
                         "an ISO 8601 date such as 2024-02-14 or 2024-02-14T07:00"),
    "batch.takes_flag": ("true atau false (di CSV juga ya/tidak)",
                         "true or false (in CSV also yes/no)"),
    "batch.takes_tags": ("daftar teks (di CSV dipisah ';')",
                         "a list of text (in CSV split at ';')"),
    "batch.takes_number": ("bilangan bulat", "a whole number"),
    "batch.takes_text": ("teks", "text"),
    "batch.takes_no_null": ("nilai, bukan null", "a value, not null"),
    "batch.not_table": (
        "Tahapan ke-{number} di berkas {path} bukan tabel berisi kolom (id, name, start, …).",
        "Stage #{number} in {path} is not a table of fields (id, name, start, …)."),
    "batch.json": ("Berkas {path} bukan JSON yang sah (baris {line}): {detail}.",
                   "{path} is not valid JSON (line {line}): {detail}."),
    "batch.csv": ("Berkas {path} bukan CSV yang sah: {detail}.",
                  "{path} is not valid CSV: {detail}."),
    "batch.csv_columns": (
        "Baris data ke-{number} di berkas {path} punya kolom lebih banyak atau lebih sedikit "
        "daripada judulnya.",
        "Data row {number} of {path} has more or fewer cells than its header."),
    "batch.csv_rule": (
        "Tahapan ke-{number} di berkas {path} memberi aturan (after) dalam CSV; aturan adalah "
        "tabel: tulis tahapan itu dalam TOML atau JSON.",
        "Stage #{number} in {path} gives a rule (after) in CSV; a rule is a table: write that "
        "stage in TOML or JSON."),
    "batch.bad_value": (
        "Tahapan ke-{number} di berkas {path}: '{value}' bukan nilai yang sah untuk {field} "
        "({takes}).",
        "Stage #{number} in {path}: '{value}' is not a valid {field} ({takes})."),
    "usage.add_needs": (
        "Tanpa --from-file, add perlu {option}. Contoh: pemilu-timeline add debat-capres-1 "
        "--election pemilu-2024 --name 'Debat Capres 1' --start 2023-12-12 --source 'KPU'.",
        "Without --from-file, add needs {option}. Example: pemilu-timeline add debat-capres-1 "
        "--election pemilu-2024 --name 'Debat Capres 1' --start 2023-12-12 --source 'KPU'."),
    "usage.from_file_alone": (
        "--from-file membawa tahapannya sendiri; jangan beri {option} bersamanya (hanya "
        "--election, --file, --lock-timeout, --drop-comments, --lang).",
        "--from-file brings its own stages; do not give {option} with it (only --election, "
        "--file, --lock-timeout, --drop-comments, --lang)."),
    "edit.exists": (
        "Tahapan {key} sudah ada. Ubah dengan `pemilu-timeline edit {key}`.",
        "Stage {key} already exists. Change it with `pemilu-timeline edit {key}`."),
    "edit.zone_needs_time": (
        "--zone menyematkan jam tahapan ke satu zona; beri --start dengan jam.",
        "--zone pins a timed stage to one zone; give --start with a time."),
    "edit.no_rule": (
        "{key} tidak punya aturan 'after'; --days, --sense, --edge dan --duration perlu --after "
        "TAHAPAN.",
        "{key} has no 'after' rule; --days, --sense, --edge and --duration need --after STAGE."),
    "edit.bad_number": (
        "{option} harus bilangan bulat ≥ {minimum}.",
        "{option} must be a whole number ≥ {minimum}."),
    "edit.too_large": ("{option} paling besar {maximum}.", "{option} is at most {maximum}."),
    "edit.bad_choice": (
        "{option} harus salah satu dari: {choices}.",
        "{option} must be one of: {choices}."),
    "edit.anchor_not_found": ("{option}: {error}", "{option}: {error}"),
    "edit.cycle": (
        "{option} {anchor} membuat lingkaran: {chain}. Tanggal sebuah tahapan tidak bisa dihitung "
        "dari dirinya sendiri; pilih tahapan acuan lain. Berkas tidak diubah.",
        "{option} {anchor} would make a cycle: {chain}. A stage cannot be dated from itself; "
        "choose another anchor. The file is unchanged."),
    "edit.start_kind_differs": (
        "--start {start} dan selesainya ({end}) berbeda jenis (tanggal dan tanggal-waktu). Beri "
        "--end juga.",
        "--start {start} and the stage's end ({end}) are of different kinds (date and date-time). "
        "Give --end too."),
    "edit.start_after_end": (
        "--start {start} jatuh setelah selesainya ({end}). Beri --end juga.",
        "--start {start} is after the stage's end ({end}). Give --end too."),
    "edit.undated_give_start": (
        "{key} belum bertanggal; beri --start juga.",
        "{key} has no date yet; give --start too."),
    "edit.undated_with_start": (
        "--undated tidak bisa bersama --start atau --end.",
        "--undated does not go with --start or --end."),
    "edit.dated_by_rule": (
        "{key} dihitung dari aturan 'after' ({anchor}); tambahkan --no-after untuk menandainya "
        "tanpa tanggal.",
        "{key} is dated by its 'after' rule ({anchor}); add --no-after to mark it undated."),
    "edit.start_removed": (
        "--start '' menghapus tanggal tertulis {key}; tahapan itu lalu perlu --after (dihitung "
        "dari tahapan lain) atau --undated.",
        "--start '' removes the written date of {key}; it then needs --after (counted from "
        "another stage) or --undated."),
    "edit.rule_removed": (
        "{key} tidak punya tanggal sendiri; tanggalnya dihitung dari aturan yang akan dihapus. "
        "Beri --start bersama --no-after, atau --undated jika tanggalnya belum diketahui.",
        "{key} has no date of its own; its dates come from the rule being removed. Give --start "
        "with --no-after, or --undated when the date is not known yet."),
    "edit.no_undated_alone": (
        "{key} belum bertanggal; beri --start atau --after, bukan hanya --no-undated.",
        "{key} has no date yet; give --start or --after, not only --no-undated."),
    "edit.reason_needed": (
        "Tahapan yang dibatalkan perlu alasan: beri --reason.",
        "A cancelled stage needs a reason: give --reason."),
    "edit.has_dependants": (
        "{key} tidak dihapus: tanggal {names} dihitung darinya. Ubah atau hapus tahapan itu dulu.",
        "{key} was not removed: the dates of {names} are counted from it. Change or remove those "
        "first."),
    # hardening: dates and text
    "date.why.word": (
        "bukan tanggal yang dikenali: '{word}' bukan nama bulan, nama hari atau kata dalam "
        "tanggal. Zona waktu ditulis WIB/WITA/WIT (atau {zone_option} dengan nama IANA, mis. "
        "{zone_option} Asia/Tokyo).",
        "is not a date I can read: '{word}' is not a month, a weekday or a word of a date. "
        "Time zones are written WIB/WITA/WIT (or {zone_option} with an IANA name, e.g. "
        "{zone_option} Asia/Tokyo)."),
    "date.why.number": (
        "bukan tanggal yang dikenali: angka '{number}' bukan bagian dari tanggal (tanggal, "
        "bulan, tahun) maupun jam (07.00 atau 07:00).",
        "is not a date I can read: the number '{number}' is part of neither the date (day, "
        "month, year) nor the time (07.00 or 07:00)."),
    "date.why.out_of_range": (
        "berada di luar tahun {first}–{last}.",
        "is outside the years {first}–{last}."),
    # what the system says, in the user's language
    "os.ENOENT": ("berkas atau foldernya tidak ada", "no such file or directory"),
    "os.EEXIST": ("sudah ada", "already exists"),
    "os.EACCES": ("tidak ada izin", "permission denied"),
    "os.EPERM": ("tidak ada izin", "operation not permitted"),
    "os.EISDIR": ("itu sebuah folder", "it is a directory"),
    "os.ENOTDIR": ("sebagian jalurnya bukan folder", "part of the path is not a directory"),
    "os.ENOSPC": ("ruang disk habis", "no space left on device"),
    "os.EDQUOT": ("kuota disk habis", "disk quota exceeded"),
    "os.EROFS": ("sistem berkas hanya-baca", "read-only file system"),
    "os.EIO": ("galat masukan/keluaran", "input/output error"),
    "os.ENAMETOOLONG": ("nama berkas terlalu panjang", "file name too long"),
    "os.ELOOP": ("tautan simbolisnya berputar tanpa ujung",
                 "its symbolic links go round in a loop"),
    # hardening: lock and terminal
    "error.lock_timeout_held": (
        "Berkas {path} dikunci oleh PID {pid} ({command}) sejak {since}; sudah ditunggu "
        "{seconds} detik. Coba lagi nanti; kunci lepas sendiri saat perintah itu selesai.",
        "{path} is locked by PID {pid} ({command}) since {since}; gave up after waiting "
        "{seconds} s. Try again later; the lock is released by itself when that command "
        "finishes."),
    "write.lock_symlink": (
        "Berkas kunci {lock} adalah tautan simbolis; demi keamanan tautan itu tidak diikuti. "
        "Hapus tautan itu (bukan berkas jadwalnya) lalu ulangi; berkas tidak diubah.",
        "The lock file {lock} is a symbolic link, which is never followed, for safety. Remove "
        "that link (not the schedule) and try again; the file is unchanged."),
    "write.lock_not_file": (
        "Berkas kunci {lock} bukan berkas biasa (atau punya tautan lain), jadi tidak dipakai. "
        "Pindahkan atau hapus itu "
        "lalu ulangi; berkas tidak diubah.",
        "The lock file {lock} is not a regular file (or has other links), so it is not used. "
        "Move or remove it and "
        "try again; the file is unchanged."),
    "usage.lock_timeout": (
        "--lock-timeout (atau ${env}) harus berupa detik dari 0 sampai {limit}, bukan "
        "'{value}'.",
        "--lock-timeout (or ${env}) must be seconds from 0 to {limit}, not '{value}'."),
    "reason.stdout_closed": ("keluaran standar (stdout) tertutup", "standard output is closed"),
    # accepted but wrong (edit and validate)
    "warning.unlikely_date": (
        "Peringatan: {where}tanggal {field} {stage} adalah {date}, di luar tahun "
        "{first}–{last}; periksa tahunnya.",
        "Warning: {where}the {field} date of {stage} is {date}, outside the years "
        "{first}–{last}; check the year."),
    "problem.no_elections": (
        "berkas ini tidak memuat pemilihan (kosong, hanya komentar, atau tanpa tabel "
        "[elections.ID]), jadi tidak ada yang bisa ditampilkan; salin jadwal bawaan dengan "
        "`pemilu-timeline init` atau tambahkan pemilihan dengan `pemilu-timeline election add`",
        "the file holds no election (it is empty, only comments, or has no [elections.ID] "
        "table), so there is nothing to show; copy the bundled schedule with `pemilu-timeline "
        "init` or add an election with `pemilu-timeline election add`"),
    "edit.reason_cleared": (
        "  Alasan dihapus: tahapan ini kini pasti (confirmed), alasan hanya untuk tahapan "
        "tentatif atau dibatalkan.",
        "  Reason cleared: the stage is confirmed now; a reason is only for a tentative or "
        "cancelled stage."),
    "edit.reason_with_confirmed": (
        "{option} tidak berlaku bersama --state confirmed: alasan hanya untuk tahapan tentatif "
        "atau dibatalkan, dan alasan lama dihapus saat tahapan dipastikan. Hapus {option}.",
        "{option} does not go with --state confirmed: a reason is only for a tentative or "
        "cancelled stage, and the old one is cleared when a stage is confirmed. Drop "
        "{option}."),
    # click's own words: its messages as the click inside typer writes them (the English is
    # what is matched to reword one), the words of its help screens, and the prompt's
    "click.usage": ("Penggunaan: ", "Usage: "),
    "click.arguments": ("Argumen", "Arguments"),
    "click.options": ("Opsi", "Options"),
    "click.commands": ("Perintah", "Commands"),
    "click.default": ("[bawaan: {}]", "[default: {}]"),
    "click.env_var": ("[variabel lingkungan: {}]", "[env var: {}]"),
    "click.required": ("[wajib]", "[required]"),
    "click.try_help": ("Coba [blue]'{command_path} {help_option}'[/] untuk bantuan.",
                       "Try [blue]'{command_path} {help_option}'[/] for help."),
    "click.aborted": ("Dibatalkan.", "Aborted."),
    "click.no_such_command": ("Perintah {name} tidak ada.", "No such command {name}."),
    "click.no_such_command_close": ("Perintah {name} tidak ada. Mungkin maksudnya {close}?",
                                    "No such command {name}. Did you mean {close}?"),
    "click.no_such_option": ("Opsi {name} tidak dikenal.", "No such option: {name}"),
    "click.no_such_option_close": ("Opsi {name} tidak dikenal. Mungkin maksudnya {close}?",
                                   "No such option: {name} (Possible options: {close})"),
    "click.extra_arguments": ("Argumen yang tidak diharapkan: {args}",
                              "Got unexpected extra argument(s) ({args})"),
    "click.missing_argument": ("Argumen {name} belum diberikan.", "Missing argument {name}."),
    "click.missing_argument_more": ("Argumen {name} belum diberikan. {reason}",
                                    "Missing argument {name}. {reason}"),
    "click.missing_option": ("Opsi {name} wajib diberikan.", "Missing option {name}."),
    "click.choose_from": ("Pilih salah satu:\n\t{choices}", "Choose from:\n\t{choices}"),
    "click.needs_value": ("Opsi {name} perlu sebuah nilai.", "Option {name} requires an argument."),
    "click.takes_no_value": ("Opsi {name} tidak menerima nilai.",
                             "Option {name} does not take a value."),
    "click.invalid_value": ("Nilai {name} tidak sah: {reason}",
                            "Invalid value for {name}: {reason}"),
    "click.env_var_hint": ("{name} (variabel lingkungan {env})", "{name} (env var: {env})"),
    "click.not_one_of": ("{value} bukan salah satu dari {choices}.",
                         "{value} is not one of {choices}."),
    "click.not_in_range": ("{value} di luar rentang {range}.",
                           "{value} is not in the range {range}."),
    "click.not_int": ("{value} bukan bilangan bulat.", "{value} is not a valid int."),
    "click.not_int_range": ("{value} bukan bilangan bulat.", "{value} is not a valid int range."),
    "click.not_float": ("{value} bukan angka.", "{value} is not a valid float."),
    "click.confirm_choices": ("[y/T]", "[y/N]"),
    "click.confirm_again": ("Jawab ya atau tidak (y/t).", "Answer yes or no (y/n)."),
    # cek: the fact-checker's report
    "cek.verdict.consistent": ("SESUAI", "CONSISTENT"),
    "cek.verdict.partly": ("SEBAGIAN SESUAI", "PARTLY RIGHT"),
    "cek.verdict.contradicted": ("TIDAK SESUAI", "CONTRADICTED"),
    "cek.verdict.unverifiable": ("TIDAK DAPAT DIVERIFIKASI", "UNVERIFIABLE"),
    "cek.rating.consistent": ("Sesuai", "Consistent"),
    "cek.rating.partly": ("Sebagian sesuai", "Partly right"),
    "cek.rating.contradicted": ("Tidak sesuai", "Contradicted"),
    "cek.rating.unverifiable": ("Tidak dapat diverifikasi", "Unverifiable"),
    "cek.flag.weekday_mismatch": ("hari tidak cocok", "weekday mismatch"),
    "cek.flag.cancelled": ("dibatalkan", "cancelled"),
    "cek.flag.precision": ("presisi", "precision"),
    "cek.flag.zone": ("zona waktu", "time zone"),
    "cek.expected": ("Menurut {source}, {stage} ({election}): {dates}.",
                     "According to {source}, {stage} ({election}): {dates}."),
    "cek.claimed": ("Diklaim: {dates}", "Claimed: {dates}"),
    "cek.undated": ("tanggalnya belum ditetapkan", "its date is not set yet"),
    "cek.alternatives": ("Tahapan lain yang dipertimbangkan: {stages}",
                         "Also considered: {stages}"),
    "cek.unknown": ("Kata yang tidak dikenali: {words}", "Words not recognised: {words}"),
    "cek.summary": (
        "{claims} klaim: {consistent} sesuai, {partly} sebagian sesuai, {contradicted} tidak "
        "sesuai, {unverifiable} tidak dapat diverifikasi.",
        "{claims} claims: {consistent} consistent, {partly} partly right, {contradicted} "
        "contradicted, {unverifiable} unverifiable."),
    "cek.no_claims": ("Tidak ada klaim tanggal dalam teks ini.",
                      "No date claims in this text."),
    "cek.empty": (
        "Teks kosong: berikan teks sebagai argumen, dengan --file BERKAS, atau lewat stdin.",
        "The text is empty: give it as an argument, with --file FILE, or on standard input."),
    "cek.text_and_file": ("Berikan TEXT atau --file, bukan keduanya.",
                          "Give TEXT or --file, not both."),
    "cek.url_needs_claimreview": ("--url dan --author hanya berlaku dengan --claimreview.",
                                  "--url and --author only go with --claimreview."),
    "input.empty": ("Tidak ada masukan: berikan berkas, atau kirim lewat stdin.",
                    "No input: give a file, or send it on standard input."),
    "input.too_large": ("Berkas {path} terlalu besar ({size} bita); paling besar {limit}.",
                        "{path} is too large ({size} bytes); at most {limit}."),
    "input.unreadable": ("Berkas {path} tidak dapat dibaca: {reason}.",
                         "Cannot read {path}: {reason}."),
    "input.not_text": ("{path} bukan teks UTF-8; simpan sebagai UTF-8 lalu coba lagi.",
                       "{path} is not UTF-8 text; save it as UTF-8 and try again."),
    "cek.note.undated": ("Tanggal tahapan ini belum ditetapkan, jadi klaimnya belum dapat "
                         "diperiksa.",
                         "This stage has no date yet, so the claim cannot be checked."),
    "cek.note.time_only": ("Teks hanya menyebut jam, sedangkan jadwal menyimpan tahapan ini "
                           "per hari.",
                           "The text gives only a time; the schedule keeps this stage by the "
                           "day."),
    "cek.note.time_finer": ("Jam yang disebut lebih rinci dari jadwal, yang menyimpan tahapan "
                            "ini per hari; yang diperiksa tanggalnya.",
                            "The time is finer than the schedule, which keeps this stage by "
                            "the day; the date is what was checked."),
    "cek.note.no_part": ("Tidak ada bagian klaim yang bisa dibandingkan dengan tahapan ini.",
                         "No part of the claim can be compared with this stage."),
    "cek.note.day_of_long_stage": (
        "Satu hari disebut untuk tahapan yang berlangsung beberapa hari; hari itu termasuk di "
        "dalamnya.",
        "One day is given for a stage of several days; that day lies within it."),
    "cek.note.outside_window": (
        "Di luar rentang yang dibolehkan aturan (rentang ini sementara).",
        "Outside the window the law allows (the window is tentative)."),
    "cek.note.tentative": (
        "Jadwal baru memuat rentang sementara menurut aturan; hari pastinya belum ditetapkan.",
        "The schedule holds only a tentative window from the law; the day is not set yet."),
    "cek.note.weekday": ("{day} jatuh pada hari {actual}, bukan {written}.",
                         "{day} falls on a {actual}, not a {written}."),
    "cek.note.weekday_fits": ("Hari {written} cocok dengan tanggal di jadwal, {day}.",
                              "{written} fits the schedule's date, {day}."),
    "cek.note.cancelled_held": ("Tahapan ini dibatalkan dan tidak pernah terlaksana.",
                                "This stage was cancelled and never took place."),
    "cek.note.cancelled_planned": (
        "Tanggal ini rencana yang kemudian dibatalkan: tahapan ini tidak terlaksana.",
        "This date was a plan that was cancelled: the stage never took place."),
    "cek.note.zone_local": (
        "Jam ini benar hanya di daerah ber-{zone}: di seluruh Indonesia tahapan ini memakai "
        "waktu setempat.",
        "This time is right only where {zone} is the local time: everywhere in Indonesia the "
        "stage runs on local time."),
    "cek.note.zone_pinned": (
        "Tahapan ini satu saat untuk seluruh Indonesia, pada jam {zone}, bukan waktu setempat.",
        "This stage is one moment for all of Indonesia, on the {zone} clock, not local time."),
    "cek.note.zone_wrong": ("Jam {zone} ini tidak cocok dengan jadwal.",
                            "This {zone} time does not fit the schedule."),
    "cek.note.no_stage": ("Tidak ada tahapan di jadwal yang cocok dengan kata-kata kalimat ini.",
                          "No stage of the schedule fits the words of this sentence."),
    "cek.note.far": (
        "Tahapan yang cocok dengan kata-katanya jauh dari tanggal ini; mungkin kalimat ini "
        "menyebut peristiwa lain.",
        "The stages its words fit are far from this date; the sentence may be about another "
        "event."),
    "cek.note.reported": ("Ini tanggal pernyataan atau pemberitaan, bukan tanggal tahapan.",
                          "This is the date of a statement or a report, not of a stage."),
    "cek.note.relative": (
        "Tanggal ini dihitung dari tahapan itu ('{word}'), bukan tanggal tahapan itu sendiri.",
        "This date is counted from the stage ('{word}'), not the stage's own date."),
    "cek.note.unsure": (
        "Kata-kata kalimat ini hanya sebagian cocok dengan nama tahapan; tanggal yang berbeda "
        "belum tentu salah.",
        "The sentence's words fit the stage's name only in part; a different date is not "
        "necessarily wrong."),
    "cek.note.time_unsure": (
        "Teks tidak menyebut hari atau pemilunya; jam yang berbeda belum tentu salah.",
        "The text names neither the day nor the election; a different time is not "
        "necessarily wrong."),
    "cek.note.implied_year": ("Tahun tidak disebut; dibaca {year}.",
                              "No year given; read as {year}."),
    "cek.note.month_left_out": ("Bulan awal tidak disebut; dibaca {day}.",
                                "The first month is not given; read as {day}."),
    # field names as staff see them in edit and diff output
    "field.name": ("nama", "name"),
    "field.name_en": ("nama (en)", "name (en)"),
    "field.start": ("mulai", "start"),
    "field.end": ("selesai", "end"),
    "field.region": ("wilayah", "region"),
    "field.zone": ("zona", "zone"),
    "field.undated": ("tanpa tanggal", "undated"),
    "field.state": ("keadaan", "state"),
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
    "field.why": ("dasar perubahan", "why"),
    "field.conflict": ("konflik", "conflict"),
    # a schedule kept in git (schedule.gitrepo, schedule.history, schedule.merge)
    "error.git": ("Git menolak; berkas tidak diubah.", "Git refused; the file is unchanged."),
    "git.missing": (
        "Berkas ini ada di repositori git, tetapi git tidak terpasang; pasang git, atau "
        "tulis tanpa riwayat dengan PEMILU_TIMELINE_NO_GIT=1.",
        "This file is in a git repository, but git is not installed; install git, or write "
        "without history with PEMILU_TIMELINE_NO_GIT=1."),
    "git.failed": (
        "git {command} gagal: {reason}. Berkas tidak diubah.",
        "git {command} failed: {reason}. The file is unchanged."),
    "git.detached": (
        "{path}: repositorinya tidak sedang di sebuah cabang (HEAD terlepas); pindah ke "
        "cabang dulu (git switch main), lalu ulangi.",
        "{path}: the repository is not on a branch (detached HEAD); switch to a branch "
        "first (git switch main), then try again."),
    "git.dirty": (
        "{path} punya perubahan yang belum di-commit; commit (git commit {path}) atau buang "
        "(git restore {path}) dulu, lalu ulangi.",
        "{path} has changes nobody committed; commit them (git commit {path}) or drop them "
        "(git restore {path}) first, then try again."),
    "git.no_identity": (
        "Git belum tahu siapa Anda: atur git config user.name dan user.email, atau beri "
        "--author 'Nama <email>'.",
        "Git does not know who you are: set git config user.name and user.email, or give "
        "--author 'Name <email>'."),
    "git.not_repo": (
        "{path} tidak disimpan di repositori git; --as-of, --since, log dan sync perlu "
        "riwayatnya (buat dengan init --git FOLDER).",
        "{path} is not kept in a git repository; --as-of, --since, log and sync need its "
        "history (make one with init --git FOLDER)."),
    "git.no_version": (
        "{path} belum ada di riwayat git pada {moment}; pilih saat sesudah commit pertamanya "
        "(log menunjukkannya).",
        "{path} was not in the git history yet at {moment}; choose a moment after its first "
        "commit (log shows it)."),
    "git.merge_unreadable": (
        "Tidak bisa menggabungkan {path}: {reason}. Gabungkan dengan tangan, lalu validate.",
        "Cannot merge {path}: {reason}. Merge it by hand, then validate."),
    "git.clash": (
        "Konflik {where}, {field}: kita {ours}, mereka {theirs}; berkas menyimpan milik kita.",
        "Conflict {where}, {field}: ours {ours}, theirs {theirs}; the file keeps ours."),
    "git.merged_invalid": (
        "Hasil gabungan {path} tidak sah ({count} masalah, yang pertama: {problem}); berkas "
        "kita dibiarkan. Gabungkan dengan tangan, lalu validate.",
        "The merged {path} would not be valid ({count} problem(s), the first: {problem}); "
        "ours is left as it was. Merge it by hand, then validate."),
    "git.merge_empty": (
        "Tidak menggabungkan {path}: versi {side} kosong; berkas kita dibiarkan. Gabungkan "
        "dengan tangan, lalu validate.",
        "Not merging {path}: the {side} version is empty; ours is left as it was. Merge it "
        "by hand, then validate."),
    "git.merge_comments": (
        "Tidak menggabungkan {path}: versi {side} berisi komentar (baris {line}), yang akan "
        "hilang karena hasil gabungan ditulis dalam bentuk baku; berkas kita dibiarkan. "
        "Hapus komentarnya (validate --fix-format --drop-comments) atau gabungkan dengan tangan.",
        "Not merging {path}: the {side} version has comments (line {line}), which the merge "
        "would drop as it writes the canonical form; ours is left as it was. Remove them "
        "(validate --fix-format --drop-comments) or merge by hand."),
    "git.merge_invalid_side": (
        "Tidak menggabungkan {path}: versi {side} tidak sah ({problem}); berkas kita "
        "dibiarkan. Gabungkan dengan tangan, lalu validate.",
        "Not merging {path}: the {side} version is not valid ({problem}); ours is left as "
        "it was. Merge it by hand, then validate."),
    "git.init_not_folder": (
        "{folder} adalah berkas, bukan folder: beri init --git nama folder (baru atau yang "
        "sudah ada).",
        "{folder} is a file, not a folder: give init --git a folder's name (new or existing)."),
    "git.init_has_schedule": (
        "{folder} sudah berisi stages.toml dan bukan repositori git; tidak ada yang diubah. "
        "Untuk menyimpannya di git: git init di sana, commit berkasnya, lalu init --git {folder}.",
        "{folder} already holds a stages.toml and is no git repository; nothing was changed. "
        "To keep it in git: git init there, commit the file, then init --git {folder}."),
    "git.unsettled": (
        "{path} terbaca, tetapi {count} konflik gabungan belum diselesaikan: selesaikan "
        "masing-masing dengan perintah edit di atas.",
        "{path} loads, but {count} merge conflict(s) are not settled yet: settle each with "
        "the edit command above."),
    "git.side_base": ("leluhur bersama", "common ancestor"),
    "git.side_ours": ("kita", "ours"),
    "git.side_theirs": ("mereka", "theirs"),
    "git.pull_conflict": (
        "Tarikan dari {remote} berkonflik di {path}; `validate` menyebut setiap konflik, "
        "`edit TAHAPAN --FIELD NILAI` menyelesaikannya (dan meng-commit gabungannya).",
        "Pulling from {remote} left conflicts in {path}; `validate` names each, `edit STAGE "
        "--FIELD VALUE` settles it (and commits the merge)."),
    "git.pull_failed": (
        "Tidak bisa menarik dari {remote}: {reason}. Tidak ada yang diubah.",
        "Cannot pull from {remote}: {reason}. Nothing was changed."),
    "git.push_refused": (
        "{remote} menolak push: {reason}. Perubahan Anda tetap di commit lokal; jalankan sync "
        "lagi.",
        "{remote} refused the push: {reason}. Your changes stay in the local commits; run "
        "sync again."),
    "git.no_remote": (
        "Repositori {path} tidak punya remote; tambahkan dengan git remote add origin ALAMAT.",
        "The repository of {path} has no remote; add one with git remote add origin URL."),
    "git.merging": (
        "{path} sedang dalam penggabungan yang belum selesai; selesaikan konfliknya dengan "
        "edit (validate menyebutnya), lalu ulangi.",
        "{path} is in an unfinished merge; settle its conflicts with edit (validate names "
        "them), then try again."),
    "git.init_exists": (
        "{folder} sudah repositori git; hanya merge driver yang didaftarkan, berkasnya "
        "dibiarkan.",
        "{folder} is already a git repository; only the merge driver was registered, the "
        "file is left as it is."),
    "git.init_done": (
        "Repositori jadwal dibuat: {folder} (stages.toml, commit pertama, merge driver "
        "terdaftar).",
        "Schedule repository made: {folder} (stages.toml, first commit, merge driver "
        "registered)."),
    "git.synced": (
        "Selaras dengan {remote}: {pulled} commit ditarik, {pushed} commit dikirim.",
        "In step with {remote}: {pulled} commits pulled, {pushed} commits pushed."),
    "git.conflict_warning": (
        "{key}: konflik gabungan pada {field} belum diselesaikan ({entry}); pilih nilainya "
        "dengan edit {key} --{option} NILAI.",
        "{key}: merge conflict on {field} not settled ({entry}); choose the value with edit "
        "{key} --{option} VALUE."),
    "git.log_empty": (
        "Belum ada perubahan tercatat di riwayat {path}.",
        "No change recorded yet in the history of {path}."),
    "git.init_with_path": (
        "init menerima PATH atau --git FOLDER, tidak keduanya.",
        "init takes PATH or --git FOLDER, not both."),
    "git.diff_needs_files": (
        "diff perlu dua berkas (LAMA BARU), atau --since SAAT untuk membandingkan riwayat "
        "--file.",
        "diff needs two files (OLD NEW), or --since WHEN to compare the history of --file."),
    "git.bad_author": (
        "--author '{author}' tidak terbaca; tulis 'Nama <email>'.",
        "Cannot read --author '{author}'; write 'Name <email>'."),
}

def os_reason(error: OSError) -> Term | str:
    """Why the system refused, in the user's language where the catalog knows the error
    (strerror is always English), else the system's own words."""
    import errno

    key = f"os.{errno.errorcode.get(error.errno or -1, '')}"
    if key in CATALOG:
        return Term(key)
    return error.strerror or str(error)


def check_language(lang: str) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Term:
    """A parameter that is itself a catalog entry, translated with the sentence around it
    ("'tags' harus daftar teks" / "'tags' must be a list of text")."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def in_language(self, lang: str) -> str:
        return t(self.key, lang, **self.params)


@dataclass(frozen=True)
class Worded:
    """A parameter worded per language by the data itself (a stage's name, its reason)."""

    text: Callable[[str], str | None]

    def in_language(self, lang: str) -> str:
        return self.text(lang) or "-"


def field_label(field: str, lang: str) -> str:
    """A field's name as staff read it ("mulai" for start); the name itself if it has none."""
    key = f"field.{field}"
    return t(key, lang) if key in CATALOG else field


def t(key: str, lang: str, /, **params: Any) -> str:
    """Translate ``key``; an unknown key falls back to the key itself so nothing crashes.

    A parameter with an ``in_language(lang)`` method (a ``Term``, a weekday) is written in
    the same language as the sentence."""
    texts = CATALOG.get(key)
    if texts is None:
        return key
    template = texts[1] if lang == "en" else texts[0]
    values = {name: value.in_language(lang) if hasattr(value, "in_language") else value
              for name, value in params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template


