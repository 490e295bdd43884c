"""The calendar words, once: months, weekdays and zones as Indonesians (and the news) write them.

The formatter writes the first spelling of each; the date reader accepts every spelling; the
zone table serves both. Nothing here depends on the rest of the package.
"""

from __future__ import annotations

# Full month names as the formatter writes them.
MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
MONTHS_SHORT = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
WEEKDAYS = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}

# Every spelling the date reader accepts (case-insensitive), one tuple per month and weekday:
# the abbreviations and names above, and the variants found in KPU documents and the news.
MONTH_SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("Jan", "Januari", "January", "Janu"),
    ("Feb", "Februari", "Febuari", "Pebruari", "Peb", "Febr", "February"),
    ("Mar", "Maret", "March", "Mrt"),
    ("Apr", "April", "Aprl"),
    ("Mei", "May"),
    ("Jun", "Juni", "June"),
    ("Jul", "Juli", "July"),
    ("Agt", "Agu", "Ags", "Agus", "Agst", "Agustus", "Augustus", "Aug", "August"),
    ("Sep", "Sept", "September", "Septembre"),
    ("Okt", "Oktober", "Oct", "October"),
    ("Nov", "Nopember", "November", "Nop"),
    ("Des", "Desember", "Dec", "December", "Dez"),
)
WEEKDAY_SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("Sen", "Senin", "Mon", "Monday"),
    ("Sel", "Selasa", "Tue", "Tuesday"),
    ("Rab", "Rabu", "Wed", "Wednesday"),
    ("Kam", "Kamis", "Thu", "Thursday"),
    ("Jum", "Jumat", "Fri", "Friday"),
    ("Sab", "Sabtu", "Sat", "Saturday"),
    ("Min", "Minggu", "Ahad", "Sun", "Sunday"),
)
# Filler words of Indonesian dates: "hari Rabu, tanggal 14 Februari 2024 pukul 07.00".
DATE_FILLER_WORDS = ("pukul", "pkl", "jam", "tanggal", "tgl", "hari", "sekitar")

# Indonesia's three zones by the words people use, and their IANA names.
ZONE_WORDS = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
# The word to show for an IANA zone: the three above, and others that share their offsets.
ZONE_LABELS = {iana: word for word, iana in ZONE_WORDS.items()}
ZONE_LABELS.update({"Asia/Pontianak": "WIB", "Asia/Ujung_Pandang": "WITA"})


# --- Rules in the law's words: "paling lambat 14 (empat belas) hari kerja sejak ..." ----------
# rules.phrase holds the grammar; these are its words, matched in any case. A word of several
# parts ("paling lambat", "selambat-lambatnya") is matched part by part, spaces free. The
# meanings are the model's enum values as plain text (model.Sense, Direction, Counting, Edge),
# as this module depends on nothing.

# Verbs a rule may open with that say nothing of its date: "diumumkan paling lambat ...".
RULE_LEADING_VERBS = ("dimulai", "dilaksanakan", "diselenggarakan", "ditetapkan", "diajukan",
                      "diumumkan", "disampaikan", "starts", "held", "filed")
# How the amount bounds the date; a rule without one of these means exactly that amount.
RULE_SENSE_WORDS = {
    "paling lambat": "at-latest", "selambat-lambatnya": "at-latest",
    "paling lama": "at-latest", "dalam waktu": "at-latest",
    "at the latest": "at-latest", "no later than": "at-latest", "at most": "at-latest",
    "within": "at-latest",
    "paling cepat": "at-earliest", "secepat-cepatnya": "at-earliest",
    "paling singkat": "at-earliest", "sekurang-kurangnya": "at-earliest",
    "at the earliest": "at-earliest", "no earlier than": "at-earliest",
    "at least": "at-earliest",
}
# Between a window's two bounds: "paling singkat 2 tahun dan paling lama 2 tahun 6 bulan"
# (laws write "atau" too).
RULE_WINDOW_JOINS = ("dan", "atau", "and", "or")
# Between the parts of one amount: "2 tahun dan 6 bulan".
RULE_AMOUNT_JOINS = ("dan", "and", ",")
# One number times another: "3x24 jam", "3 kali 24 jam".
RULE_TIMES_WORDS = ("x", "×", "kali", "times")
# The units, each to what it counts; a week ("minggu") is 7 days.
RULE_UNIT_WORDS = {
    "hari": "days", "hari kalender": "days", "hari kerja": "working_days", "jam": "hours",
    "minggu": "weeks", "pekan": "weeks", "bulan": "months", "tahun": "years",
    "day": "days", "days": "days", "calendar day": "days", "calendar days": "days",
    "working day": "working_days", "working days": "working_days",
    "business day": "working_days", "business days": "working_days",
    "hour": "hours", "hours": "hours", "week": "weeks", "weeks": "weeks",
    "month": "months", "months": "months", "year": "years", "years": "years",
}
# The word before the anchor: which way the rule counts, and which day is day 1 ("setelah":
# the day after the anchor; "sejak": the anchor's own day).
RULE_DIRECTION_WORDS = {
    "setelah": ("after", "next-day"), "sesudah": ("after", "next-day"),
    "sejak": ("after", "anchor-day"), "terhitung sejak": ("after", "anchor-day"),
    "terhitung mulai": ("after", "anchor-day"), "terhitung dari": ("after", "anchor-day"),
    "dihitung sejak": ("after", "anchor-day"),
    "sebelum": ("before", "next-day"),
    "after": ("after", "next-day"), "from": ("after", "anchor-day"),
    "since": ("after", "anchor-day"), "counting from": ("after", "anchor-day"),
    "before": ("before", "next-day"),
}
# Words opening the anchor that say which end of it counts: "sebelum berakhirnya masa jabatan".
RULE_EDGE_WORDS = {
    "berakhirnya": "end", "akhir": "end", "selesainya": "end",
    "dimulainya": "start", "awal": "start", "dimulai": "start",
    "the end of": "end", "end of": "end",
    "the start of": "start", "start of": "start", "the beginning of": "start",
}

# Numbers in words, as laws write them beside the digits: "14 (empat belas) hari".
NUMBER_ONES = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}
# Words that are a number from 10 to 19 by themselves.
NUMBER_TEENS = {
    "sepuluh": 10, "sebelas": 11,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
NUMBER_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
               "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_PLUS_TEN = ("belas",)  # empat belas = 14
NUMBER_TIMES_TEN = ("puluh",)  # dua puluh = 20
NUMBER_HUNDRED = ("ratus", "hundred")  # tiga ratus, three hundred
NUMBER_THOUSAND = ("ribu", "thousand")  # dua ribu, two thousand
NUMBER_ONE_HUNDRED = ("seratus",)
NUMBER_ONE_THOUSAND = ("seribu",)
NUMBER_AND = ("and",)  # one hundred and five


# --- Claims in the news, for the fact-checker (factcheck) ------------------------------------
# What reporters call a stage, as the words of the schedule's own names: a phrase here adds
# its words to the sentence before it is matched ("pencoblosan" is "pemungutan suara"). Both
# sides are folded to lower case; a phrase matches whole words.
CLAIM_SYNONYMS = {
    "pencoblosan": "pemungutan suara", "coblosan": "pemungutan suara",
    "mencoblos": "pemungutan suara", "nyoblos": "pemungutan suara",
    "hari h": "pemungutan suara", "voting": "pemungutan suara voting",
    "vote": "pemungutan suara", "polling": "pemungutan suara voting",
    "psu": "pemungutan suara ulang psu", "pemungutan suara ulang": "psu",
    "re-vote": "pemungutan suara ulang psu", "revote": "pemungutan suara ulang psu",
    "re-run": "pemilihan ulang re-run", "pilkada ulang": "pemilihan ulang",
    "capres": "calon presiden", "cawapres": "calon wakil presiden",
    "paslon": "pasangan calon", "pasangan capres": "pasangan calon presiden",
    "pilpres": "presiden", "presidential": "presiden president",
    "caleg": "calon anggota", "pileg": "anggota dpr dprd",
    "quick count": "hitung cepat", "quick qount": "hitung cepat",
    "rekap": "rekapitulasi", "tabulation": "rekapitulasi tabulation",
    "perhitungan": "penghitungan", "counting": "penghitungan counting",
    "dilantik": "pelantikan sumpah", "melantik": "pelantikan sumpah",
    "pelantikan": "sumpah", "sworn": "swearing inauguration",
    "inauguration": "pelantikan", "inaugurated": "inauguration pelantikan",
    "campaign": "kampanye", "kampanye": "campaign",
    "rapat umum": "rally rallies", "rallies": "rapat umum",
    "masa tenang": "quiet period", "quiet period": "masa tenang",
    "cooling-off period": "masa tenang quiet period",
    "minggu tenang": "masa tenang",
    "mendaftar": "pendaftaran", "daftar": "pendaftaran", "registration": "pendaftaran",
    "ditetapkan": "penetapan", "menetapkan": "penetapan", "menetapkan hasil": "penetapan hasil",
    "nomor urut": "pengundian", "undian": "pengundian",
    "putusan": "pengucapan putusan", "dibacakan": "pengucapan putusan",
    "mk": "mahkamah konstitusi", "constitutional court": "mahkamah konstitusi",
    "pemilu lokal": "pemilu daerah", "pemilihan kepala daerah": "pilkada",
    "gubernur": "governor", "bupati": "regent", "wali kota": "mayor", "walikota": "mayor",
    "kabupaten": "kab regency", "kota": "city", "provinsi": "prov province",
    "presiden": "capres", "runoff": "putaran kedua runoff", "run-off": "putaran kedua runoff",
    "second round": "putaran kedua runoff",
}
# Words that name an election kind, as the words of the elections' ids (pemilu-2024,
# pilkada-2024, psu-pilkada-2025, pemilu-daerah-2031, kpu-bawaslu-2027, pdpb).
ELECTION_SYNONYMS = {
    "pemilihan umum": "pemilu", "general election": "pemilu", "general elections": "pemilu",
    "pilpres": "pemilu presiden", "pileg": "pemilu", "presidential election": "pemilu presiden",
    "pemilu presiden": "pemilu presiden", "pemilu nasional": "pemilu",
    "pilkada": "pilkada", "pemilihan kepala daerah": "pilkada", "pilgub": "pilkada",
    "pemilihan umum kepala daerah": "pilkada", "pemilu kepala daerah": "pilkada",
    "pilbup": "pilkada", "pilwalkot": "pilkada", "pilwako": "pilkada",
    "regional election": "pilkada", "regional elections": "pilkada",
    "psu": "psu", "pemungutan suara ulang": "psu", "pemilihan ulang": "psu",
    "re-vote": "psu", "revote": "psu", "re-run": "psu",
    "pemilu daerah": "pemilu daerah", "pemilu lokal": "pemilu daerah",
}
# Words that name a kind of stage: a stage is meant by them only if it has that tag.
CLAIM_QUALIFIERS = {"putaran kedua": "putaran-kedua", "runoff": "putaran-kedua",
                    "run-off": "putaran-kedua", "second round": "putaran-kedua"}
# Words just before a stage's name that make a date relative to it ("masa jeda pasca
# penetapan DCT", "dua hari menjelang masa kampanye"), not the stage's own.
RELATIVE_WORDS = ("pasca", "pascapenetapan", "setelah", "sesudah", "usai", "seusai",
                  "sebelum", "menjelang", "jelang", "after", "before", "following")
# The tag of the stages that are an election's voting day.
VOTING_TAG = "pemungutan-suara"
# Words that carry no meaning of their own in a stage's name.
CLAIM_STOPWORDS = frozenset((
    "dan", "serta", "atau", "di", "ke", "dari", "yang", "untuk", "oleh", "pada", "dengan",
    "the", "of", "and", "for", "in", "by", "a", "an", "to", "on", "at", "its", "is",
    "tahun", "tingkat", "secara", "pemilu", "pemilihan", "election", "elections", "incl",
    "hasil", "result", "results", "kpu", "bawaslu", "ri", "masa", "period", "pelaksanaan",
))
# Between the two ends of a range: "11–13", "28 November 2023 hingga 10 Februari 2024".
RANGE_JOIN_WORDS = ("hingga", "sampai dengan", "sampai", "s.d.", "s/d", "sd", "to",
                    "until", "through", "till", "-", "–", "—")
# Words just before a date that say which end of a stage it claims.
START_WORDS = ("mulai", "dimulai", "dimulainya", "dibuka", "sejak", "awal", "start",
               "starts", "starting", "started", "begins", "began", "opens", "opened", "from",
               "dari")
END_WORDS = ("hingga", "sampai", "berakhir", "berakhirnya", "ditutup", "until", "ends",
             "ended", "end", "concluded", "closes", "closed", "sd", "s/d")
# Words before a date that make it the day of a statement, not of a stage ("kata Idham,
# Senin (24/2/2025)"; "dikutip Kompas.com pada ...").
REPORTING_WORDS = ("kata", "katanya", "ujar", "ujarnya", "ucap", "ucapnya", "tutur",
                   "tuturnya", "jelas", "jelasnya", "ungkap", "ungkapnya", "dikutip",
                   "dilansir", "dilaporkan", "diakses", "keterangan", "keterangannya", "dihubungi",
                   "said", "says", "told", "reported", "accessed", "quoted")
# A planned stage's words: a cancelled stage "dijadwalkan" on a day is not said to be held.
PLANNING_WORDS = ("dijadwalkan", "menjadwalkan", "direncanakan", "rencana", "rencananya",
                  "rancangan", "disiapkan", "dirancang", "jika", "apabila", "bila",
                  "seandainya", "planned", "scheduled", "draft", "if", "would")
# Time of day read on each place's own clock ("07.00–13.00 waktu setempat").
LOCAL_TIME_WORDS = ("waktu setempat", "local time", "zona waktu di wilayah masing-masing",
                    "zona waktu masing-masing", "waktu masing-masing", "waktu lokal")
# A zone named by its city, as English reports write it.
ZONE_CITY_WORDS = {"jakarta time": "WIB", "waktu jakarta": "WIB"}
# Words that say an election takes place on the date that follows: "Pemilu 2024 digelar
# pada ..." claims its voting day.
HOLDING_WORDS = ("digelar", "dilaksanakan", "diselenggarakan", "diadakan", "dilangsungkan",
                 "berlangsung", "jatuh", "held", "place")
