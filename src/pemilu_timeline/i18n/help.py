"""What `--help` says, in Indonesian (the default) and English: the one place for it.

The command declarations carry no help text of their own; the CLI gives them these words
only when help is shown, so a normal run never pays for them. Keys:

- ``command.PATH``: the summary a command list shows, the first line of the command's help;
- ``about.PATH``: the rest of its help, ending with an example (``Contoh:`` / ``Example:``);
- ``param.PATH.NAME``, else ``param.LAST.NAME``, else ``param.NAME``: an option or argument,
  by its parameter name. A subcommand shares the words of the command it is named like
  (``election edit --name`` as ``edit --name``) and most options mean the same everywhere;
- ``panel.NAME``: a group of options in the help screen.

PATH is the command's path with dots (``now``, ``election.add``); the app itself is ``app``.
Placeholders (``{env_file}``) are filled in by the CLI, which knows the names.
"""

from __future__ import annotations

from typing import Any

# Answers the one prompt takes (`remove`), in either language and any case; Enter alone is no.
ANSWERS: dict[bool, tuple[str, ...]] = {
    True: ("ya", "y", "iya", "yes"),
    False: ("tidak", "t", "n", "no"),
}

# (Indonesian, English).
HELP: dict[str, tuple[str, str]] = {
    # the app and its commands
    "command.app": (
        "Linimasa pemilu Indonesia: tahapan yang berlangsung, hitung mundur (H-n), ekspor "
        "kalender.",
        "Indonesian election timelines: active stages, countdowns (H-n), calendar exports."),
    "about.app": (
        "Berkas jadwal: --file, jika tidak ada ${env_file}, jika tidak ada salinan buatan "
        "`init`, jika tidak ada jadwal bawaan paket (`info` menunjukkan yang dipakai). Bahasa: "
        "--lang en atau ${lang_env}=en untuk bahasa Inggris, juga untuk bantuan ini.\n\n"
        "Contoh: pemilu-timeline now",
        "Schedule file: --file, else ${env_file}, else the copy made by `init`, else the "
        "bundled schedule (`info` shows which). Language: --lang en or ${lang_env}=en for "
        "English, this help included.\n\n"
        "Example: pemilu-timeline now --lang en"),
    "command.now": (
        "Tahapan yang berlangsung sekarang, lalu yang berikutnya.",
        "The stages on now, then the next ones."),
    "about.now": (
        "Tanpa --at, \"sekarang\" adalah jam sebenarnya di zona pemilihannya (atau --tz).\n\n"
        "Contoh: pemilu-timeline now --at 2024-02-12",
        "Without --at, \"now\" is the real clock in the election's zone (or --tz).\n\n"
        "Example: pemilu-timeline now --at 2024-02-12 --lang en"),
    "command.countdown": (
        "Hitung mundur (H-n) ke sebuah tahapan: H-14, H, H+3.",
        "Countdown (H-n) to a stage: H-14, H, H+3."),
    "about.countdown": (
        "Tanpa STAGE: tonggak berikutnya. --watch menampilkan hitung mundur yang terus "
        "berjalan.\n\n"
        "Contoh: pemilu-timeline countdown pemungutan suara --at 2024-02-01",
        "Without STAGE: the next milestone. --watch keeps a live countdown on screen.\n\n"
        "Example: pemilu-timeline countdown pemilu-2024/pemungutan-suara --at 2024-02-01 "
        "--lang en"),
    "command.list": (
        "Semua tahapan menurut tanggal mulai, dengan statusnya.",
        "All stages by start date, with their status."),
    "about.list": (
        "Saring dengan --election, --tag, --region, --status, --milestones, --from dan --to.\n\n"
        "Contoh: pemilu-timeline list --election pemilu-2024 --milestones",
        "Filter with --election, --tag, --region, --status, --milestones, --from and --to.\n\n"
        "Example: pemilu-timeline list --election pemilu-2024 --milestones --lang en"),
    "command.show": (
        "Satu tahapan lengkap dengan sumbernya.",
        "One stage in full, with its source."),
    "about.show": (
        "Tahapan disebut dengan ELECTION/ID, id-nya saja, atau kata-kata dari namanya, asalkan "
        "hanya cocok dengan satu tahapan.\n\n"
        "Contoh: pemilu-timeline show pemilu-2024/masa-tenang",
        "A stage is named as ELECTION/ID, by its id alone, or by words from its name, as long "
        "as they match one stage only.\n\n"
        "Example: pemilu-timeline show pemilu-2024/masa-tenang --lang en"),
    "command.timeline": (
        "Diagram Gantt tahapan, dengan penanda saat ini.",
        "A Gantt chart of the stages, with a marker for now."),
    "about.timeline": (
        "--svg dan --png menyimpannya sebagai gambar siap terbit: judul, sumbu tanggal, "
        "legenda dan sumber (perlu pip install 'pemilu-timeline[charts]').\n\n"
        "Contoh: pemilu-timeline timeline --election pilkada-2024",
        "--svg and --png save it as a picture ready to publish: title, date axis, legend "
        "and source (needs pip install 'pemilu-timeline[charts]').\n\n"
        "Example: pemilu-timeline timeline --election pilkada-2024 --lang en"),
    "command.info": (
        "Berkas jadwal yang dipakai, dan isinya.",
        "Which schedule file is used, and what it holds."),
    "about.info": (
        "Urutan pencariannya: --file, ${env_file}, salinan buatan `init`, lalu jadwal bawaan "
        "paket.\n\n"
        "Contoh: pemilu-timeline info",
        "The search order: --file, ${env_file}, the copy made by `init`, then the bundled "
        "schedule.\n\n"
        "Example: pemilu-timeline info --lang en"),
    "command.init": (
        "Buat salinan jadwal untuk diubah.",
        "Write an editable copy of the schedule."),
    "about.init": (
        "Perintah lain lalu memakai salinan itu dengan sendirinya; ubah dengan add, edit dan "
        "remove.\n\n"
        "Contoh: pemilu-timeline init",
        "The other commands then use the copy by themselves; change it with add, edit and "
        "remove.\n\n"
        "Example: pemilu-timeline init --lang en"),
    "command.log": (
        "Riwayat jadwal di git: siapa mengubah apa, kapan, dan mengapa.",
        "The schedule's history in git: who changed what, when and why."),
    "about.log": (
        "Per kolom, untuk satu tahapan (juga yang sudah dihapus) atau seluruh jadwal; "
        "--since membatasi waktunya.\n\n"
        "Contoh: pemilu-timeline log pemilu-2029/pemungutan-suara --file kantor/stages.toml",
        "Field by field, for one stage (a removed one too) or the whole schedule; --since "
        "limits it in time.\n\n"
        "Example: pemilu-timeline log pemilu-2029/pemungutan-suara --file office/stages.toml "
        "--lang en"),
    "command.sync": (
        "Tarik perubahan kantor lain (digabung per tahapan), lalu kirim milik Anda.",
        "Pull the other offices' changes (merged stage by stage), then push yours."),
    "about.sync": (
        "Hanya kemudahan: git pull dan git push biasa melakukan hal yang sama setelah "
        "init --git mendaftarkan merge driver.\n\n"
        "Contoh: pemilu-timeline sync --file kantor/stages.toml",
        "A convenience only: plain git pull and git push do the same once init --git has "
        "registered the merge driver.\n\n"
        "Example: pemilu-timeline sync --file office/stages.toml --lang en"),
    "command.merge-driver": (
        "Merge driver git untuk stages.toml: menggabungkan per tahapan dan per kolom.",
        "Git's merge driver for stages.toml: merges stage by stage and field by field."),
    "about.merge-driver": (
        "Dipanggil git, bukan oleh Anda: init --git mendaftarkannya (dengan tangan: git config "
        "merge.pemilu-timeline.driver 'pemilu-timeline merge-driver %O %A %B %P' dan "
        "'stages.toml merge=pemilu-timeline' di .gitattributes). Kolom yang diubah dua arah "
        "dicatat sebagai konflik di tahapannya; hasilnya ditulis ke %A.\n\n"
        "Contoh: pemilu-timeline merge-driver lama.toml baru.toml baru.toml",
        "Called by git, not by you: init --git registers it (by hand: git config "
        "merge.pemilu-timeline.driver 'pemilu-timeline merge-driver %O %A %B %P' and "
        "'stages.toml merge=pemilu-timeline' in .gitattributes). A field changed two ways is "
        "recorded as a conflict on its stage; the result is written to %A.\n\n"
        "Example: pemilu-timeline merge-driver old.toml new.toml new.toml --lang en"),
    "command.add": ("Tambah tahapan.", "Add a stage."),
    "about.add": (
        "Bertanggal (--start; --end bawaannya sama dengan --start: tonggak satu hari), dihitung "
        "dari tahapan lain (--rule atau --after), atau belum bertanggal (--undated). Banyak "
        "tahapan sekaligus: --from-file BERKAS.\n\n"
        "Contoh: pemilu-timeline add debat-capres-1 --election pemilu-2024 --name 'Debat "
        "Capres 1' --start '12 Desember 2023' --source 'Jadwal debat KPU'",
        "Dated (--start; --end defaults to --start, a one-day milestone), counted from another "
        "stage (--rule or --after), or not dated yet (--undated). Many stages at once: "
        "--from-file FILE.\n\n"
        "Example: pemilu-timeline add debat-capres-1 --election pemilu-2024 --name 'Debat "
        "Capres 1' --name-en 'First presidential debate' --start 2023-12-12 --source 'KPU "
        "debate schedule' --lang en"),
    "command.edit": ("Ubah tahapan.", "Change a stage."),
    "about.edit": (
        "Hanya kolom yang diberikan yang berubah; revisinya naik satu dan waktu pembaruannya "
        "dicatat. Bagian aturan yang tidak diberikan (--days, --sense ...) tetap.\n\n"
        "Contoh: pemilu-timeline edit pemilu-2024/masa-tenang --note 'Tanpa kampanye'",
        "Only the fields given change; the revision goes up by one and the time of the update "
        "is noted. A rule's parts not given (--days, --sense ...) keep their values.\n\n"
        "Example: pemilu-timeline edit pemilu-2024/masa-tenang --note-en 'No campaigning' "
        "--lang en"),
    "command.remove": ("Hapus tahapan.", "Remove a stage."),
    "about.remove": (
        "Bertanya dulu di terminal; --yes untuk skrip.\n\n"
        "Contoh: pemilu-timeline remove pemilu-2024/kampanye-rapat-umum --yes",
        "Asks first at a terminal; --yes for scripts.\n\n"
        "Example: pemilu-timeline remove pemilu-2024/kampanye-rapat-umum --yes --lang en"),
    "command.validate": ("Periksa berkas jadwal.", "Check a schedule file."),
    "about.validate": (
        "Menyebut setiap masalah beserta tempatnya (berkas:baris:kolom). --fix-format menulis "
        "ulang berkas yang sah dalam bentuk kanonik.\n\n"
        "Contoh: pemilu-timeline validate",
        "Names every problem with its place (file:line:column). --fix-format rewrites a valid "
        "file in canonical form.\n\n"
        "Example: pemilu-timeline validate --lang en"),
    "command.diff": ("Beda dua berkas jadwal.", "What differs between two schedule files."),
    "about.diff": (
        "Tahapan yang ditambah, dihapus dan diubah. Dengan --exit-code, keluar dengan 3 jika "
        "keduanya berbeda.\n\n"
        "Contoh: pemilu-timeline diff lama.toml baru.toml",
        "Stages added, removed and changed. With --exit-code, exits 3 when they differ.\n\n"
        "Example: pemilu-timeline diff old.toml new.toml --lang en"),
    "command.export": (
        "Ekspor ke kalender (iCal), JSON, CSV, atau halaman web (html).",
        "Export for calendars (iCal), JSON, CSV, or a web page (html)."),
    "about.export": (
        "Saringannya sama dengan `list`. Tahapan yang belum bertanggal ada di JSON dan CSV, "
        "tidak di iCal. Di iCal, judul yang sama pada tahapan beberapa pemilihan menyebut "
        "pemilihannya. html menulis satu folder untuk server web mana pun: index.html (yang "
        "berlangsung, hitung mundur di WIB, WITA dan WIT, linimasa, jadwal lengkap) dan "
        "berkas .ics, .json dan .csv di sampingnya; tanpa apa pun dari jaringan.\n\n"
        "Contoh: pemilu-timeline export ical --election pemilu-2024 -o pemilu-2024.ics",
        "Same filters as `list`. Stages with no date yet are in JSON and CSV, not in iCal. In "
        "iCal, a title that stages of several elections share names its election. html "
        "writes a folder for any web server: index.html (what is on, the countdown in WIB, "
        "WITA and WIT, the timeline, the full schedule) with the .ics, .json and .csv files "
        "beside it; nothing from the network.\n\n"
        "Example: pemilu-timeline export ical --election pemilu-2024 -o pemilu-2024.ics "
        "--lang en"),
    "command.hitung": (
        "Hitung tanggal dari aturan undang-undang.",
        "Compute a date from a rule in the law's words."),
    "about.hitung": (
        "Jam, hari, hari kerja (hari libur dan cuti bersama dilewati), bulan dan tahun. Nama "
        "Inggrisnya: calc.\n\n"
        "Contoh: pemilu-timeline hitung 'paling lambat 14 hari kerja sejak 25 Maret 2024'",
        "Hours, days, working days (holidays and cuti bersama skipped), months and years. Also "
        "named calc.\n\n"
        "Example: pemilu-timeline calc 'at the latest 14 working days after 25 March 2024' "
        "--lang en"),
    "command.libur": (
        "Hari libur dan cuti bersama.",
        "Holidays and cuti bersama (collective leave)."),
    "about.libur": (
        "Hari yang dilewati hitungan hari kerja (libur nasional, cuti bersama), dan libur "
        "daerah, masing-masing dengan jenis dan sumbernya. Nama Inggrisnya: holidays.\n\n"
        "Contoh: pemilu-timeline libur 2024",
        "The days a working-day count skips (national holidays, cuti bersama), and local "
        "holidays, each with its kind and source. Also named holidays.\n\n"
        "Example: pemilu-timeline holidays 2024 --lang en"),
    "command.cek": (
        "Periksa tanggal yang diklaim sebuah teks terhadap jadwal.",
        "Check the dates a text claims against the schedule."),
    "about.cek": (
        "Setiap kalimat yang menyebut tanggal, rentang, bulan atau jam diperiksa: tahapannya "
        "dikenali dari kata-katanya, lalu vonisnya sesuai, sebagian sesuai, tidak sesuai, atau "
        "tidak dapat diverifikasi, dengan tanggal dan sumber resminya. Teksnya argumen, "
        "--file, atau stdin. Status keluar 4 jika ada klaim yang tidak sesuai. Nama "
        "Inggrisnya: factcheck.\n\n"
        "Contoh: pemilu-timeline cek 'Masa kampanye Pemilu 2024 dimulai 28 November 2023'",
        "Every sentence that gives a date, range, month or time is checked: its stage is "
        "found from its words, then the verdict is consistent, partly right, contradicted or "
        "unverifiable, with the official dates and their source. The text is the argument, "
        "--file, or standard input. Exit status 4 when a claim is contradicted. Also named "
        "factcheck.\n\n"
        "Example: pemilu-timeline factcheck 'The quiet period runs from 11 to 13 February "
        "2024' --lang en"),
    "command.election": ("Pemilihan dalam jadwal.", "The elections of the schedule."),
    "about.election": (
        "Tambahkan pemilihan sebelum tahapannya, perbaiki, hapus yang kosong, tampilkan "
        "daftarnya.\n\n"
        "Contoh: pemilu-timeline election list",
        "Add one before its stages, correct it, remove an empty one, list them.\n\n"
        "Example: pemilu-timeline election list --lang en"),
    "command.election.add": ("Tambah pemilihan.", "Add an election."),
    "about.election.add": (
        "--name, --timezone dan --source wajib; lalu `add --election ID` menaruh tahapan di "
        "dalamnya.\n\n"
        "Contoh: pemilu-timeline election add uji-coba --name 'Uji Coba' --timezone WIB "
        "--source 'Simulasi internal'",
        "--name, --timezone and --source are needed; then `add --election ID` puts stages in "
        "it.\n\n"
        "Example: pemilu-timeline election add trial-run --name 'Uji Coba' --name-en 'Trial "
        "run' --timezone WIB --source 'Internal drill' --lang en"),
    "command.election.edit": ("Ubah pemilihan.", "Change an election."),
    "about.election.edit": (
        "Hanya kolom yang diberikan yang berubah.\n\n"
        "Contoh: pemilu-timeline election edit pemilu-2024 --note 'Jadwal lengkap'",
        "Only the fields given change.\n\n"
        "Example: pemilu-timeline election edit pemilu-2024 --note 'Jadwal lengkap' --lang en"),
    "command.election.remove": (
        "Hapus pemilihan yang tidak punya tahapan.",
        "Remove an election that has no stages."),
    "about.election.remove": (
        "Pemilihan yang masih punya tahapan tidak dihapus: hapus tahapannya dulu.\n\n"
        "Contoh: pemilu-timeline election remove uji-coba",
        "An election that still has stages is kept: remove its stages first.\n\n"
        "Example: pemilu-timeline election remove trial-run --lang en"),
    "command.election.list": ("Daftar pemilihan.", "The elections."),
    "about.election.list": (
        "Dengan zona waktu, sumber dan jumlah tahapannya.\n\n"
        "Contoh: pemilu-timeline election list",
        "With their zone, source and stage count.\n\n"
        "Example: pemilu-timeline election list --lang en"),
    # what click adds to every command, and the app's own options
    "param.help": ("Tampilkan bantuan ini lalu keluar.", "Show this message and exit."),
    "param.version": ("Tampilkan versi lalu keluar.", "Show the version and exit."),
    "param.install_completion": (
        "Pasang pelengkapan perintah untuk shell ini.",
        "Install completion for the current shell."),
    "param.show_completion": (
        "Tampilkan skrip pelengkapan untuk shell ini, untuk disalin atau disesuaikan.",
        "Show completion for the current shell, to copy it or customize the installation."),
    # options most commands share
    "param.file": (
        "Berkas jadwal (jika tidak diberikan: ${env_file}, salinan buatan `init`, atau jadwal "
        "bawaan paket).",
        "Schedule file (default: ${env_file}, the `init` copy, or bundled)."),
    "param.at": (
        "Saat yang dilihat, bukan sekarang: ISO 8601 (2024-02-12, 2024-02-13T23:30, "
        "2024-02-13T16:30:00Z) atau seperti ditulis berita ('14 Februari 2024', "
        "'Rabu, 14/02/2024 pukul 15.00 WIB').",
        "Moment to view instead of now: ISO 8601 (2024-02-12, 2024-02-13T23:30, "
        "2024-02-13T16:30:00Z) or as the news write it ('14 Februari 2024', "
        "'Rabu, 14/02/2024 pukul 15.00 WIB')."),
    "param.tz": (
        "Zona waktu pembaca: WIB, WITA, WIT atau nama IANA (bawaan: zona pemilihannya).",
        "Viewer's zone: WIB, WITA, WIT or an IANA name (default: the election's)."),
    "param.lang": (
        "Bahasa keluaran, juga bantuan ini: id (Indonesia) atau en (Inggris); tanpa opsi ini, "
        "${lang_env}.",
        "Language of the output, this help included: id (Indonesian) or en (English); without "
        "it, ${lang_env}."),
    "param.as_json": ("Cetak JSON untuk skrip.", "Print JSON for scripts."),
    "param.election": (
        "Hanya pemilihan ini (bisa diulang), mis. pemilu-2024.",
        "Only this election (repeatable), e.g. pemilu-2024."),
    "param.tag": (
        "Hanya tahapan dengan tag ini (bisa diulang).",
        "Only stages with this tag (repeatable)."),
    "param.region": (
        "Hanya tahapan yang diadakan di wilayah ini (atau di wilayah di dalamnya): kode "
        "Kemendagri atau kata-kata dari namanya, mis. Papua, 'Kab. Serang', 36.04. Tanpa --tz, "
        "waktunya dibaca dalam zona wilayah itu.",
        "Only stages held in this region (or in the regions inside it): a Kemendagri code or "
        "words of its name, e.g. Papua, 'Kab. Serang', 36.04. Without --tz, times are read in "
        "its zone."),
    "param.start_from": (
        "Hanya tahapan yang berakhir pada atau sesudah tanggal ini (2024-02-14 atau "
        "'14 Februari 2024').",
        "Only stages that end on or after this date (2024-02-14 or '14 Februari 2024')."),
    "param.until": (
        "Hanya tahapan yang mulai pada atau sebelum tanggal ini (2024-02-14 atau "
        "'14 Februari 2024').",
        "Only stages that start on or before this date (2024-02-14 or '14 Februari 2024')."),
    "param.status": (
        "Hanya tahapan dengan status ini (bisa diulang): past, active, upcoming, pending, "
        "tentative, cancelled, atau kata-kata yang tampil di tabel (selesai, berlangsung, "
        "'akan datang', menunggu, tentatif, dibatalkan).",
        "Only stages with this status (repeatable): past, active, upcoming, pending, "
        "tentative, cancelled, or the words the tables show (selesai, berlangsung, "
        "'akan datang', menunggu, tentatif, dibatalkan)."),
    "param.milestones": (
        "Hanya tonggak dan batas waktu: hari-hari yang menjadi berita (hari pemungutan suara, "
        "hari terakhir pendaftaran), bukan tahapan panjang di sekitarnya.",
        "Only milestones and deadlines: the days that make news (voting day, a last day to "
        "register), not the long stages around them."),
    "param.stage": (
        "ELECTION/ID, id-nya, atau kata-kata dari namanya.",
        "ELECTION/ID, an id, or words from the name."),
    "param.why": (
        "Alasan perubahan (nomor Keputusan KPU, sumber berita): disimpan di tahapan dan di "
        "commit git.",
        "Why it changed (the KPU decree number, the news source): kept on the stage and in "
        "the git commit."),
    "param.git_author": (
        "Penulis commit git, 'Nama <email>' (bawaan: git config user.name dan user.email).",
        "The git commit's author, 'Name <email>' (default: git config user.name and "
        "user.email)."),
    "param.as_of": (
        "Baca jadwal seperti yang diketahui pada saat itu: commit git terakhir pada atau "
        "sebelum WHEN (tanggal saja: akhir hari itu, WIB).",
        "Read the schedule as it was known then: the last git commit at or before WHEN (a "
        "day alone: the end of that day, WIB)."),
    "param.since": (
        "Sejak saat itu (tanggal saja: awal hari itu, WIB), menurut riwayat git --file.",
        "Since that moment (a day alone: the start of that day, WIB), from the git history "
        "of --file."),
    "param.init.git": (
        "Buat FOLDER sebagai repositori git berisi FOLDER/stages.toml; di klon yang sudah "
        "ada hanya mendaftarkan merge driver.",
        "Make FOLDER a git repository holding FOLDER/stages.toml; in an existing clone, "
        "only register the merge driver."),
    "param.log.stage": (
        "ELECTION/ID atau id tahapan (juga yang sudah dihapus); tanpa ini seluruh jadwal.",
        "ELECTION/ID or a stage's id (a removed one too); without it, the whole schedule."),
    "param.ancestor": ("Versi leluhur bersama (%O dari git).", "The common ancestor (git's %O)."),
    "param.ours": (
        "Versi kita (%A dari git), tempat hasil gabungan ditulis.",
        "Our version (git's %A), where the merged result is written."),
    "param.theirs": ("Versi mereka (%B dari git).", "Their version (git's %B)."),
    "param.merge-driver.path": (
        "Nama berkas di repositori (%P dari git), untuk pesan.",
        "The file's name in the repository (git's %P), for messages."),
    "param.remote": ("Remote git yang dipakai.", "The git remote to use."),
    "param.drop_comments": (
        "Tulis walaupun berkasnya berkomentar, dengan membuang komentarnya (penulis TOML tidak "
        "bisa menyimpan komentar; tanpa opsi ini berkas seperti itu tidak pernah diubah).",
        "Write even though the file has comments, discarding them (the TOML writer cannot "
        "keep comments; without this flag such a file is never changed)."),
    "param.lock_timeout": (
        "Berapa detik menunggu satu perintah lain yang sedang mengubah berkas yang sama (0 "
        "sampai {max_lock}); antrean yang terus bergerak ditunggu sampai giliran tiba.",
        "How long to wait for one other command editing the same file (0 to {max_lock}); a "
        "queue that keeps moving is waited out until this command's turn."),
    # read commands
    "param.now.every_copy": (
        "Satu baris untuk setiap tahapan yang berlangsung, juga salinan tahapan yang sama di "
        "banyak wilayah (tanpa opsi ini salinannya satu baris, dengan jumlahnya).",
        "A row for every stage on, the copies of one stage in many regions too (without this "
        "flag the copies are one row, with their count)."),
    "param.countdown.stage": (
        "ELECTION/ID, id-nya, atau kata-kata dari namanya. Bawaan: tonggak berikutnya.",
        "ELECTION/ID, an id, or words from the name. Default: the next milestone."),
    "param.watch": (
        "Tampilkan hitung mundur yang terus berjalan sampai Ctrl-C; dengan --at, sebuah gladi: "
        "jam yang mulai pada saat itu lalu berjalan.",
        "Keep a live countdown on screen until Ctrl-C; with --at, a rehearsal: a clock that "
        "starts at that moment and runs."),
    "param.svg": (
        "Simpan diagramnya sebagai gambar SVG siap terbit ke berkas ini (bukan ke terminal).",
        "Save the chart as an article-ready SVG picture to this file (not to the terminal)."),
    "param.png": (
        "Simpan diagramnya sebagai gambar PNG ke berkas ini, selebar --width-px piksel.",
        "Save the chart as a PNG picture to this file, --width-px pixels wide."),
    "param.width_px": (
        "Lebar gambar --svg/--png dalam piksel (320 sampai 4000); 700 untuk kolom berita.",
        "Width of the --svg/--png picture in pixels (320 to 4000); 700 for a news column."),
    "param.width": (
        "Lebar diagram terminal dalam kolom (bawaan: lebar terminal).",
        "Width of the terminal chart in columns (default: the terminal's)."),
    # checking files
    "param.validate.path": (
        "Berkas yang diperiksa (bawaan: yang dipakai --file atau perintah lain).",
        "The file to check (default: the one --file or the other commands use)."),
    "param.fix_format": (
        "Tulis ulang berkas yang sah dalam bentuk kanonik penulisnya.",
        "Rewrite a valid file in the writer's canonical form."),
    "param.old": ("Berkas jadwal sebelumnya.", "The schedule file before."),
    "param.new": ("Berkas jadwal sesudahnya.", "The schedule file after."),
    "param.exit_code": (
        "Keluar dengan 3 jika berkasnya berbeda, 0 jika sama (seperti git diff --exit-code; 1 "
        "dan 2 tetap berarti masukan salah dan penggunaan salah).",
        "Exit 3 when the files differ, 0 when they do not (as git diff --exit-code; 1 and 2 "
        "still mean bad input and usage)."),
    # export
    "param.fmt": (
        "ical (kalender RFC 5545), json (seperti `list --json`), csv, atau html (halaman web "
        "statis dengan semua berkas itu di sampingnya).",
        "ical (RFC 5545 calendar), json (as `list --json`), csv, or html (a static web page "
        "with all of those files beside it)."),
    "param.output": (
        "Tulis ke berkas ini (diganti sekaligus), bukan ke stdout; '-' berarti stdout. Untuk "
        "html: folder yang ditulisi (dibuat bila belum ada).",
        "Write to this file (replaced atomically) instead of stdout; '-' is stdout. For html: "
        "the folder to write (made if missing)."),
    "param.base_url": (
        "html: alamat tempat halaman akan dipasang, mis. https://contoh.go.id/pemilu/; "
        "tautannya menjadi alamat lengkap dan kalender mendapat tautan langganan webcal:.",
        "html: the address the page will live at, e.g. https://example.org/pemilu/; its "
        "links become absolute and the calendar gets a webcal: subscription link."),
    "param.embed": (
        "html: tulis juga embed.html, widget kecil untuk iframe (tahapan yang berlangsung dan "
        "hitung mundurnya), dan cetak kode iframe untuk ditempel di artikel.",
        "html: also write embed.html, a small widget for an iframe (the stage on now and its "
        "countdown), and print the iframe code to paste into an article."),
    "param.export.tz": (
        "Zona untuk tahapan berjam yang tidak punya zona sendiri (jam pemungutan suara), mis. "
        "WITA (bawaan: zona pemilihannya).",
        "Zone for timed stages without their own zone (voting hours), e.g. WITA (default: the "
        "election's zone)."),
    "param.export.status": (
        "Hanya tahapan dengan status ini (bisa diulang): past, active, upcoming, pending, "
        "tentative, cancelled, atau kata-kata yang tampil di tabel (selesai, berlangsung, "
        "'akan datang', menunggu, tentatif, dibatalkan). Dibaca pada --at, jika tidak pada "
        "saat ini: berkasnya lalu bergantung pada kapan dibuat, dan kalender langganan "
        "kehilangan tahapan yang sudah lewat. iCal tetap tidak memuat tahapan yang menunggu.",
        "Only stages with this status (repeatable): past, active, upcoming, pending, "
        "tentative, cancelled, or the words the tables show (selesai, berlangsung, "
        "'akan datang', menunggu, tentatif, dibatalkan). Read at --at, else now: the file "
        "then depends on when it was made, and a subscribed feed loses stages as they "
        "pass. iCal leaves pending stages out whatever the filter."),
    "param.alarm": (
        "iCal: ingatkan selama ini sebelum setiap tahapan: 1d, 2h, 30m, 1d12h, P1D, PT2H.",
        "iCal: remind this long before each stage: 1d, 2h, 30m, 1d12h, P1D, PT2H."),
    "param.floating": (
        "iCal: tulis tahapan berjam setempat (jam pemungutan suara 07.00–13.00) sebagai waktu "
        "mengambang, yang tampil pada jam yang sama di zona setiap kalender, bukan dalam satu "
        "zona.",
        "iCal: write local-time stages (voting hours 07.00–13.00) as floating times, shown at "
        "the same clock hours in every calendar's own zone, instead of in one zone."),
    "param.excel": (
        "CSV: awali dengan penanda urutan bita UTF-8 agar Excel membaca huruf beraksen dan "
        "tanda pisah dengan benar.",
        "CSV: start with a UTF-8 byte-order mark so Excel reads accents and dashes."),
    # the law's calendar
    "param.phrase": (
        "Aturannya dalam kata-kata undang-undang, dengan tanggal sebagai acuan: 'paling lambat "
        "14 hari kerja sejak 25 Maret 2024', '3x24 jam sejak 20 Maret 2024 pukul 22.19 WIB', "
        "'at the latest 20 months before 14 February 2024'.",
        "The rule in the law's words, with a date as anchor: 'paling lambat 14 hari kerja "
        "sejak 25 Maret 2024', '3x24 jam sejak 20 Maret 2024 pukul 22.19 WIB', 'at the latest "
        "20 months before 14 February 2024'."),
    "param.cek.text": ("Teks yang diperiksa (atau --file, atau stdin).",
                       "The text to check (or --file, or standard input)."),
    "param.cek.text_file": (
        "Berkas teks yang diperiksa, UTF-8 ('-': stdin).",
        "A text file to check, UTF-8 ('-': standard input)."),
    "param.cek.schedule_file": (
        "Berkas jadwal (jika tidak diberikan: ${env_file}, salinan buatan `init`, atau jadwal "
        "bawaan paket).",
        "Schedule file (default: ${env_file}, the `init` copy, or bundled)."),
    "param.cek.at": (
        "Tanggal terbit ClaimReview (bawaan: hari ini, WIB).",
        "The ClaimReview's publication date (default: today, WIB)."),
    "param.claimreview": (
        "Cetak ClaimReview schema.org (JSON-LD) untuk setiap klaim.",
        "Print schema.org ClaimReview (JSON-LD) for each claim."),
    "param.url": ("Alamat artikel cek fakta (ClaimReview url).",
                  "The fact-check article's address (ClaimReview url)."),
    "param.author": ("Penerbit cek fakta (ClaimReview author; bawaan: pemilu-timeline).",
                     "The fact-check's publisher (ClaimReview author; default: "
                     "pemilu-timeline)."),
    "param.appearance": ("Alamat tempat klaim itu muncul (itemReviewed appearance).",
                         "Where the claim appeared (itemReviewed appearance)."),
    "param.year": (
        "Tahunnya (bawaan: tahun ini, menurut jam --tz).",
        "The year (default: this year, on the clock of --tz)."),
    # editing stages
    "param.init.path": (
        "Tempat menulis salinannya (bawaan: folder data pengguna, "
        "$XDG_DATA_HOME/pemilu-timeline/stages.toml).",
        "Where to write the copy (default: the user data directory, "
        "$XDG_DATA_HOME/pemilu-timeline/stages.toml)."),
    "param.force": (
        "Ganti berkas yang sudah ada dengan jadwal bawaan paket.",
        "Replace an existing file with the bundled schedule."),
    "param.stage_id": (
        "Id tahapan (kata-kata huruf kecil yang disambung '-'), atau ELECTION/ID.",
        "Stage id (lower-case words joined by '-'), or ELECTION/ID."),
    "param.add.name": (
        "Nama dalam bahasa Indonesia, seperti ditulis KPU (wajib, kecuali dengan --from-file).",
        "Name in Indonesian, as KPU writes it (required, unless --from-file)."),
    "param.add.from_file": (
        "Tambah semua tahapan dari berkas ini sekaligus, dalam satu kali penguncian: TOML "
        "(tabel [[stages]] seperti di jadwal), JSON (daftar objek, tanggal ISO 8601) atau CSV "
        "(judul berisi nama kolom; tag dipisah ';'). '-' membaca stdin. Semua atau tidak sama "
        "sekali: satu tahapan yang salah, jadwal tidak diubah.",
        "Add every stage of this file at once, in one locked change: TOML ([[stages]] tables "
        "as in the schedule), JSON (a list of objects, ISO 8601 dates) or CSV (a header of "
        "field names; tags split at ';'). '-' reads standard input. All or nothing: one wrong "
        "stage and the schedule is unchanged."),
    "param.add.name_en": (
        "Nama dalam bahasa Inggris (jika tidak diberikan: belum diterjemahkan; --lang en lalu "
        "menampilkan nama Indonesianya).",
        "Name in English (left out: untranslated; --lang en then shows the Indonesian name)."),
    "param.add.source": (
        "Asal tanggalnya: peraturan, pasal dan tanggal (wajib, kecuali dengan --from-file).",
        "Where the date comes from: regulation, article and date (required, unless "
        "--from-file)."),
    "param.add.start": (
        "Hari pertama: 2024-02-14, 14/02/2024, '14 Februari 2024', 'Rabu, 14 Feb 2024 pukul "
        "07.00 WIB' ... Wajib, kecuali dengan --after atau --undated.",
        "First day: 2024-02-14, 14/02/2024, '14 Februari 2024', 'Rabu, 14 Feb 2024 pukul "
        "07.00 WIB' ... Needed unless --after or --undated."),
    "param.add.end": (
        "Hari terakhir, ikut dihitung (bawaan: --start, tahapan satu hari).",
        "Last day, inclusive (default: --start, a one-day stage)."),
    "param.add.election": (
        "Id pemilihan, mis. pemilu-2024 (boleh tidak diberikan jika berkasnya hanya punya satu "
        "pemilihan).",
        "Election id, e.g. pemilu-2024 (optional when the file has one election)."),
    "param.add.tag": ("Sebuah tag (bisa diulang).", "A tag (repeatable)."),
    "param.add.note": ("Catatan untuk pembaca.", "A note for readers."),
    "param.add.url": ("Tautan ke sumbernya.", "Link to the source."),
    "param.add.zone": (
        "Tetapkan tahapan berjam ke satu zona: WIB, WITA, WIT atau nama IANA.",
        "Pin a timed stage to one zone: WIB, WITA, WIT or an IANA name."),
    "param.add.milestone": (
        "Tanggal penting yang dituju hitung mundur.",
        "A key date that countdowns aim at."),
    "param.add.region": (
        "Tempat diadakannya: kode Kemendagri atau kata-kata dari nama wilayah di tabel regions "
        "berkasnya (Papua, 'Kab. Serang', 36.04).",
        "Where it is held: a Kemendagri code or words of a region's name in the file's regions "
        "table (Papua, 'Kab. Serang', 36.04)."),
    "param.add.undated": (
        "Peristiwa nyata yang tanggalnya belum diketahui (pengganti --start).",
        "A real event whose date is not known yet (instead of --start)."),
    "param.edit.name": ("Nama Indonesia yang baru.", "New Indonesian name."),
    "param.edit.name_en": (
        "Nama Inggris yang baru; '' membiarkannya belum diterjemahkan (bahasa Inggris "
        "menampilkan nama Indonesianya).",
        "New English name; '' leaves it untranslated (English shows the Indonesian)."),
    "param.edit.source": ("Sumber yang baru.", "New source."),
    "param.edit.start": (
        "Hari pertama yang baru (bentuk Indonesia atau ISO, seperti untuk `add`); '' menghapus "
        "tanggal tertulis tahapan yang punya --after atau --undated.",
        "New first day (Indonesian or ISO forms, as for `add`); '' removes the written date "
        "of a stage with --after or --undated."),
    "param.edit.end": (
        "Hari terakhir yang baru; '' menjadikannya tahapan satu hari.",
        "New last day; '' makes it a one-day stage."),
    "param.edit.tag": (
        "Ganti tag-nya dengan ini (bisa diulang).",
        "Replace the tags with these (repeatable)."),
    "param.edit.note": ("Catatan yang baru; '' menghapusnya.", "New note; '' removes it."),
    "param.edit.url": ("Tautan yang baru; '' menghapusnya.", "New link; '' removes it."),
    "param.edit.zone": (
        "Tetapkan ke WIB, WITA, WIT atau zona IANA; '' melepasnya.",
        "Pin to WIB, WITA, WIT or an IANA zone; '' unpins."),
    "param.edit.milestone": (
        "Tandai, atau lepas tandanya, sebagai tanggal penting.",
        "Mark or unmark as a key date."),
    "param.edit.region": (
        "Wilayah yang baru (kode atau kata-kata dari namanya, seperti untuk `add`); '' "
        "menghapusnya.",
        "New region (a code or words of its name, as for `add`); '' removes it."),
    "param.edit.undated": (
        "Tandai sebagai peristiwa nyata yang tanggalnya belum diketahui (tanggal tertulisnya "
        "dihapus), atau lepas tandanya (dengan --start atau --after).",
        "Mark as a real event whose date is not known yet (removes the written dates), or "
        "unmark it (with --start or --after)."),
    "param.no_tags": ("Hapus semua tag.", "Remove all tags."),
    "param.note_en": (
        "Catatan dalam bahasa Inggris; '' menghapusnya.",
        "The note in English; '' removes it."),
    "param.state": (
        "confirmed, tentative atau cancelled (cancelled perlu --reason).",
        "confirmed, tentative or cancelled (cancelled needs --reason)."),
    "param.reason": (
        "Alasan pembatalannya; '' menghapusnya.",
        "Why it was cancelled; '' removes it."),
    "param.reason_en": (
        "--reason dalam bahasa Inggris, untuk --lang en.",
        "--reason in English, for --lang en."),
    "param.condition": (
        "Kapan tahapan ini berlaku; '' menghapusnya.",
        "When the stage applies at all; '' removes it."),
    "param.condition_en": (
        "--condition dalam bahasa Inggris, untuk --lang en.",
        "--condition in English, for --lang en."),
    "param.no_after": (
        "Hapus aturan --after; tahapan tanpa tanggal tertulis lalu perlu --start atau "
        "--undated.",
        "Remove the --after rule; a stage without a written date then needs --start or "
        "--undated."),
    "param.yes": ("Jangan bertanya (untuk skrip).", "Do not ask (for scripts)."),
    # a stage dated by a rule (add, edit)
    "panel.rule": ("Aturan (tanggal relatif)", "Rule (relative dates)"),
    "param.rule_phrase": (
        "Aturannya dalam kata-kata undang-undang, dengan tahapan sebagai ganti tanggal: "
        "'paling lambat 3 hari setelah pemilu-2024/putusan-mk', '14 hari kerja sejak "
        "penetapan', 'at the latest 20 months before voting-day'. Pengganti opsi-opsi di "
        "bawahnya.",
        "The rule in the law's words, with a stage in place of a date: 'paling lambat 3 hari "
        "setelah pemilu-2024/putusan-mk', '14 hari kerja sejak penetapan', 'at the latest 20 "
        "months before voting-day'. Instead of the flags below."),
    "param.after": (
        "Tanggali tahapan ini dari tahapan lain: ELECTION/ID, id-nya atau kata-kata dari "
        "namanya. Selama tahapan itu belum bertanggal, tahapan ini menunggu.",
        "Date the stage relative to another: ELECTION/ID, an id or words from the name. Until "
        "that stage has a date this one is pending."),
    "param.days": (
        "Hari kalender dari acuannya (bawaan 0).",
        "Calendar days from the anchor (default 0)."),
    "param.working_days": (
        "Hari kerja: akhir pekan, libur nasional dan cuti bersama dilewati.",
        "Working days (hari kerja): skip weekends, national holidays and cuti bersama."),
    "param.months": (
        "Bulan (tanggal yang sama, dipotong ke akhir bulan).",
        "Months (the same day number, clamped to month end)."),
    "param.years": (
        "Tahun; bisa digabung dengan --months dan --days.",
        "Years; combine with --months and --days."),
    "param.hours": (
        "Jam dari saat acuannya (3x24 jam: 72).",
        "Hours from the anchor's moment (3x24 jam: 72)."),
    "param.direction": (
        "after (setelah/sejak) atau before (sebelum) acuannya. Bawaan: after.",
        "after (setelah/sejak) or before (sebelum) the anchor. Default: after."),
    "param.counting": (
        "next-day: 'setelah', hari ke-1 adalah sehari sesudah acuannya (bawaan); anchor-day: "
        "'sejak', hari acuannya adalah hari ke-1.",
        "next-day: 'setelah', day 1 is the day after the anchor (default); anchor-day: "
        "'sejak', the anchor's day is day 1."),
    "param.sense": (
        "exactly (bawaan); at-latest: batas akhir (paling lambat); at-earliest: paling cepat / "
        "paling singkat; window: dari jumlahnya sampai --latest.",
        "exactly (default); at-latest: a deadline (paling lambat); at-earliest: paling cepat / "
        "paling singkat; window: from the amount to --latest."),
    "param.latest": (
        "Batas jauh sebuah rentang, mis. '2 tahun 6 bulan' (dengan --sense window).",
        "A window's far bound, e.g. '2 tahun 6 bulan' (with --sense window)."),
    "param.edge": (
        "Hitung dari awal atau dari akhir acuannya (bawaan: akhir).",
        "Count from the anchor's start or its end (default: end)."),
    "param.duration": (
        "Berapa hari tahapan hasil hitungan berlangsung, untuk exactly dan at-earliest "
        "(bawaan 1).",
        "How many days the computed stage lasts, for exactly and at-earliest (default 1)."),
    # elections
    "param.election_id": (
        "Id pemilihan: kata-kata huruf kecil yang disambung '-', mis. pemilu-2029.",
        "Election id: lower-case words joined by '-', e.g. pemilu-2029."),
    "param.timezone": (
        "Zona tempat tanggal-tanggalnya dibaca secara bawaan: WIB, WITA, WIT atau nama IANA.",
        "The zone its dates are read in by default: WIB, WITA, WIT or an IANA name."),
    "param.election.add.name_en": (
        "Nama dalam bahasa Inggris (bawaan: nama Indonesianya).",
        "Name in English (default: the Indonesian name)."),
    "param.election.edit.name_en": ("Nama Inggris yang baru.", "New English name."),
    "param.election.add.source": (
        "Peraturan atau keputusan yang menetapkannya.",
        "The regulation or decision that sets it."),
}


def command_key(path: tuple[str, ...]) -> str:
    """``now``, ``election.add``; the app itself is ``app``."""
    return ".".join(path) or "app"


def param_keys(path: tuple[str, ...], name: str) -> tuple[str, ...]:
    """Where a parameter's words are looked for, the most particular first."""
    keys = [f"param.{command_key(path)}.{name}"]
    if len(path) > 1:
        keys.append(f"param.{path[-1]}.{name}")
    keys.append(f"param.{name}")
    return tuple(keys)


def param_key(path: tuple[str, ...], name: str) -> str | None:
    return next((key for key in param_keys(path, name) if key in HELP), None)


def help_text(key: str, lang: str, /, **params: Any) -> str:
    """The words of ``key`` in ``lang`` (Indonesian unless it is English)."""
    template = HELP[key][1 if lang == "en" else 0]
    return template.format(**params) if params else template
