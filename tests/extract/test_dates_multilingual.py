"""Dates written in languages other than English: metadata (to_iso) and body text.

Every sentence here is invented for the test.
"""
from __future__ import annotations

import re
import time
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tieline.extract.dates import find_dates, to_iso
from tieline.extract import dates as _dates

ISO = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


# ----------------------------------------------------------------- metadata, per language

@pytest.mark.parametrize("text, expected", [
    # French: labels, ordinal first day, abbreviations with a dot, a time after
    ("Publié le 29 mai 2021", "2021-05-29"),
    ("Publié le 1er mars 2020 à 10h05", "2020-03-01"),
    ("Mis à jour le 4 févr. 2019", "2019-02-04"),
    ("mercredi 17 décembre 2014", "2014-12-17"),
    ("septembre 2019", "2019-09"),
    # German: the day takes a dot; Austrian January; 'Uhr' time
    ("29. Mai 2021", "2021-05-29"),
    ("Veröffentlicht am 3. März 2022, 10:15 Uhr", "2022-03-03"),
    ("Wien, 12. Jänner 2018", "2018-01-12"),
    ("Stand: 8. Okt. 2020", "2020-10-08"),
    # Spanish, Catalan, Portuguese, Italian
    ("29 de mayo de 2021", "2021-05-29"),
    ("Publicado el 3 de enero de 2019", "2019-01-03"),
    ("7 de setiembre del 2016", "2016-09-07"),
    ("29 d’abril de 2021", "2021-04-29"),
    ("Publicado em 12 de outubro de 2022", "2022-10-12"),
    ("17 out. 2022", "2022-10-17"),
    ("Pubblicato il 12 settembre 2020 alle 10:00", "2020-09-12"),
    ("ottobre 2015", "2015-10"),
    # Dutch, Scandinavian, Finnish, Romanian, Hungarian (year first)
    ("Gepubliceerd op 29 mei 2021", "2021-05-29"),
    ("3 mrt. 2017", "2017-03-03"),
    ("Publicerad 5 augusti 2020", "2020-08-05"),
    ("14. joulukuuta 2019", "2019-12-14"),
    ("Publicat pe 9 iunie 2018", "2018-06-09"),
    ("2021. május 29.", "2021-05-29"),
    # Slavic: the genitive after a day, the nominative or locative with a year alone
    ("29 мая 2021 г.", "2021-05-29"),
    ("Опубликовано: 12 октября 2023, 14:05", "2023-10-12"),
    ("Дата: 3 июн. 2021", "2021-06-03"),
    ("в мае 2021 года", "2021-05"),
    ("Опубліковано 5 червня 2021 року", "2021-06-05"),
    ("листопад 2020", "2020-11"),
    ("Opublikowano: 3 marca 2022 r.", "2022-03-03"),
    ("w październiku 2019", "2019-10"),
    ("Publikováno 14. července 2020", "2020-07-14"),
    ("27. júna 2019", "2019-06-27"),
    ("29. maja 2021.", "2021-05-29"),
    ("29 Ιουνίου 2021", "2021-06-29"),
    # Turkish (dotted capital I, no-accent spelling), Indonesian, Malay, Lithuanian
    ("Yayınlanma: 5 Haziran 2022 Pazar", "2022-06-05"),
    ("29 MAYIS 2021", "2021-05-29"),
    ("12 Subat 2020", "2020-02-12"),
    ("Diterbitkan 12 Agustus 2021, 10:00 WIB", "2021-08-12"),
    ("Dikemaskini 3 Ogos 2021", "2021-08-03"),
    ("2021 m. gegužės 29 d.", "2021-05-29"),
    # Arabic script: Arabic-Indic and Persian digits, Levantine and Maghreb month names,
    # two names side by side
    ("نشر في ٥ يونيو ٢٠٢٢", "2022-06-05"),
    ("٢٩ كانون الثاني ٢٠٢١", "2021-01-29"),
    ("29 أيار/مايو 2021", "2021-05-29"),
    ("الأحد 14 جوان 2020", "2020-06-14"),
    ("۱۲ اکتبر ۲۰۲۲", "2022-10-12"),
    ("شائع 3 جولائی 2019", "2019-07-03"),
    # Devanagari digits and names, Hebrew with the 'in' prefix
    ("15 अगस्त 2022", "2022-08-15"),
    ("१५ अगस्त २०२२", "2022-08-15"),
    ("פורסם: 29 במאי 2021", "2021-05-29"),
    # CJK and Korean unit markers, Japanese era years, Korean dotted dates
    ("2021年5月29日", "2021-05-29"),
    ("发布时间：2020年11月3日 08:30", "2020-11-03"),
    ("2019年7月", "2019-07"),
    ("令和3年5月29日", "2021-05-29"),
    ("平成31年4月30日", "2019-04-30"),
    ("2019년 1월 3일 오후 3:00", "2019-01-03"),
    ("입력 2022. 3. 9. 오전 10:00", "2022-03-09"),
    ("송고시간2021-05-29 10:05", "2021-05-29"),
    ("发布时间2020/11/03", "2020-11-03"),
    # Azerbaijani, Albanian, Croatian, Swahili, Serbian and Kazakh Cyrillic
    ("29 may 2021", "2021-05-29"),
    ("Mart 2021", "2021-03"),
    ("15 qershor 2022", "2022-06-15"),
    ("12 ožujka 2020", "2020-03-12"),
    ("3 Machi 2021", "2021-03-03"),
    ("12 маја 2020", "2020-05-12"),
    ("5 наурыз 2021", "2021-03-05"),
    # Thai: Buddhist-era years beside Thai month words, abbreviations with dots
    ("29 พฤษภาคม 2564", "2021-05-29"),
    ("วันที่ 3 มี.ค. 2565 เวลา 10:00 น.", "2022-03-03"),
    ("มีนาคม 2565", "2022-03"),
    # Vietnamese numeric months
    ("Thứ bảy, ngày 29 tháng 5 năm 2021", "2021-05-29"),
    # spaced dotted numbers (Czech, German), full-width digits, Chinese numerals,
    # the Arabic comma
    ("Praha 29. 5. 2021 10:15", "2021-05-29"),
    ("1.5. 2021", "2021-05-01"),
    ("２０２１年５月２９日", "2021-05-29"),
    ("二〇二一年五月二十九日", "2021-05-29"),
    ("二〇二〇年十二月十日", "2020-12-10"),
    ("二〇一九年十月", "2019-10"),
    ("السبت، 29 مايو، 2021", "2021-05-29"),
])
def test_to_iso_other_languages(text, expected):
    assert to_iso(text) == expected


@pytest.mark.parametrize("text, expected", [
    # Solar Hijri (Iranian) dates are converted: Nowruz falls on 20 or 21 March
    ("۸ خرداد ۱۴۰۰", "2021-05-29"),
    ("1 فروردین 1400", "2021-03-21"),
    ("1 فروردین 1399", "2020-03-20"),
    ("1 فروردین 1403", "2024-03-20"),
    ("۱۰ دی ۱۴۰۱", "2022-12-31"),
    # a Solar Hijri month spans two Gregorian months: only the year is certain
    ("خرداد ۱۴۰۰", "2021"),
])
def test_solar_hijri_dates(text, expected):
    assert to_iso(text) == expected


@pytest.mark.parametrize("text", [
    "29 mai",               # no year: not a metadata date
    "31 février 2021",      # no such day
    "30 فبراير 2021",
    "2021年13月5日",
    "二〇二一年五月三十二日",
    "二〇二一年十三月一日",
    "set 2021",             # 'set', 'out' alone are words, not months
    "out 2021 tour",
])
def test_to_iso_rejects_impossible_or_ambiguous(text):
    value = to_iso(text)
    assert value is None or len(value) == 4


@pytest.mark.parametrize("text", [
    "du 3 au 5 mai 2021", "3. bis 5. März 2021", "3-5 de mayo de 2021", "с 3 по 5 мая 2021 года",
])
def test_day_span_dated_by_first_day(text):
    value = to_iso(text)
    assert value is not None and value.endswith("-03")
    assert value[5:7] in ("03", "05")


def test_first_date_wins_over_update():
    assert to_iso("Publié le 29 mai 2021, mis à jour le 30 mai 2022") == "2021-05-29"


@pytest.mark.parametrize("text", [
    "Mis à jour le 30 mai 2022 | Publié le 29 mai 2021",
    "Aktualisiert am 30.05.2022, veröffentlicht am 29.05.2021",
    "Обновлено 30.05.2022 Опубликовано 29.05.2021",
    "更新：2022年5月30日 发布：2021年5月29日",
    "Diperbarui 30.05.2022, Diterbitkan 29.05.2021",
])
def test_update_label_yields_to_publication(text):
    assert to_iso(text) == "2021-05-29"


def test_english_update_order_kept():
    # English strings keep their old reading (the first of equally precise dates)
    assert to_iso("Updated: March 5, 2021 | Published: March 3, 2021") == "2021-03-05"


def test_english_unchanged_by_foreign_words():
    # the English reading keeps priority; foreign rules only add precision
    assert to_iso("May 29, 2021") == "2021-05-29"
    assert to_iso("2021") == "2021"
    assert to_iso("Copyright 2021 Grupo Prensa") is None
    assert to_iso("© 2021 Группа") is None


def test_month_words_are_data():
    lex = _dates._lex()
    assert "intl_months" in lex and lex["intl_months"]["ru"]["мая"] == 5
    # the same folded word never names two months
    seen: dict = {}
    for words in lex["intl_months"].values():
        for w, n in words.items():
            f = _dates._fold_word(w)
            assert seen.setdefault(f, n) == n, w


def test_fold_keeps_offsets():
    text = "Publié le ٢٩ أيار ٢٠٢١ à 10h"
    folded, src = _dates._fold(text)
    assert len(src) == len(folded) + 1
    assert all(0 <= i <= len(text) for i in src)
    assert "29" in folded and "2021" in folded


# ----------------------------------------------------------------- body text

def test_find_dates_reads_absolute_dates_in_other_languages():
    text = "Le traité a été signé le 12 mars 2019 à Paris, puis ratifié en avril 2020."
    found = {m.text: m.value for m in find_dates(text, "2021-01-10")}
    assert found.get("12 mars 2019") == "2019-03-12"
    assert found.get("avril 2020") == "2020-04"


def test_find_dates_spans_point_into_the_text():
    text = "Die Regierung hat am 3. März 2022 ein Abkommen unterzeichnet."
    ms = [m for m in find_dates(text, None) if m.value == "2022-03-03"]
    assert ms and text[ms[0].start:ms[0].end] == ms[0].text
    assert ms[0].kind == "absolute"


def test_find_dates_english_sentence_untouched():
    text = "The ministers met on 15 July 2021 and may meet again in 2022."
    values = sorted(m.value for m in find_dates(text, "2021-07-20") if m.value)
    assert values == ["2021-07-15", "2022"]


def test_english_words_that_are_foreign_months_stay_english():
    # 'Mars' is March in French; in English prose it is a planet
    for text in ("The Mars 2020 rover landed on the planet after a long trip.", "Mars 2020 landed."):
        values = [m.value for m in find_dates(text, None)]
        assert "2020-03" not in values and "2020" in values


def test_resolve_date_short_foreign_expression():
    from tieline.extract.dates import resolve_date
    assert resolve_date("29 мая 2021", None) == "2021-05-29"
    assert resolve_date("12 de octubre de 2019", "2020-01-01") == "2019-10-12"
    assert resolve_date("avril 2020 à Paris", None) == "2020-04"


# ----------------------------------------------------------------- properties

FOREIGN_WORDS = st.sampled_from([
    "mai", "Mai", "mayo", "de", "del", "d’", "мая", "мае", "г.", "року", "marca", "r.",
    "Mayıs", "İ", "ı", "Ağustos", "tháng", "năm", "年", "月", "日", "년", "월", "일",
    "令和", "元", "مايو", "أيار/", "(", ")", "كانون", "الثاني", "خرداد", "۱۴۰۰", "٢٩",
    "٢٠٢١", "१५", "अगस्त", "במאי", "Ιουνίου", "29.", "1er", "º", "-го", "31", "2021",
    "1403", "13", "0", ".", ",", "/", ":", "-", "10:15", "\u0301", "\u200c", "ـ",
])
MIXED = st.lists(st.one_of(FOREIGN_WORDS, st.text(max_size=6)), max_size=25).map(" ".join)
TEXT = st.one_of(st.text(max_size=200), MIXED)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_to_iso_never_raises_and_returns_iso(text):
    value = to_iso(text)
    assert value is None or ISO.fullmatch(value)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_find_dates_never_raises_and_spans_are_exact(text, published):
    for m in find_dates(text, published):
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.value is None or ISO.fullmatch(m.value)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_solar_hijri_round_trip_is_consecutive(d):
    # consecutive Solar Hijri days map to consecutive Gregorian days
    jy = d.year - 621
    a = _dates._jalali_to_gregorian(jy, 6, 31)
    b = _dates._jalali_to_gregorian(jy, 7, 1)
    assert a is not None and b is not None and b - a == timedelta(days=1)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
       st.sampled_from(["fr", "de", "es", "it", "pt", "nl", "ru", "uk", "pl", "tr", "id"]))
def test_generated_day_month_year_round_trips(d, lang):
    # any day written 'D <month word> YYYY' in a language with day-first order reads back
    words = _dates._lex()["intl_months"][lang]
    need_day = set(_dates._lex()["intl_need_day"])
    names = [w for w, n in words.items() if n == d.month and w not in need_day]
    name = max(names, key=len)
    assert to_iso(f"{d.day} {name} {d.year}") == d.isoformat()


def test_fast_enough():
    lines = ["Publié le 29 mai 2021", "29 мая 2021 г.", "2021年5月29日",
             "نشر في ٥ يونيو ٢٠٢٢", "Veröffentlicht am 3. März 2022, 10:15 Uhr"] * 40
    to_iso(lines[0])
    t0 = time.perf_counter()
    for k, line in enumerate(lines):
        to_iso(f"{line} #{k}")
    assert time.perf_counter() - t0 < 2.0


@pytest.mark.parametrize("text", [
    "1" + " " * 5000 + "x",
    "1" + " ," * 3000 + "x",
    "3 au " * 2000,
    "29 de " * 2000,
    "mai" + " " * 5000 + "x",
    "١" * 5000,
    "二" * 3000 + "年",
])
def test_no_backtracking_blowup(text):
    t0 = time.perf_counter()
    find_dates(text, "2021-01-01")
    to_iso(text[:200])
    assert time.perf_counter() - t0 < 2.0
