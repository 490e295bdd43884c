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
