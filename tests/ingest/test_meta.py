"""Metadata: title, author, published at the page's precision, never guessed."""
from __future__ import annotations

from pathlib import Path

import pytest

from tieline.ingest.clean import clean_text
from tieline.ingest.meta import clean_author, extract_meta

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def meta_of(raw: str, hints: dict | None = None) -> dict:
    return extract_meta(raw, clean_text(raw), hints or {})


def test_blog_page_meta():
    m = meta_of((PAGES / "blog_with_comments.txt").read_text("utf-8"))
    assert m["title"] == "Chile and Norway agree to share fisheries research vessel"
    assert m["author"] == "Marta Ibsen"
    assert m["published"] == "2019-04-09"     # from the byline, not from a comment's timestamp


def test_forum_join_date_is_not_the_published_date():
    m = meta_of((PAGES / "forum_thread.txt").read_text("utf-8"))
    assert m["published"] is None
    assert m["author"] is None


def test_agency_suffix_is_not_part_of_the_author():
    m = meta_of((PAGES / "agency_wire_sidebar.txt").read_text("utf-8"))
    assert m["author"] == "Kofi Mensah"
    assert m["published"] == "2016-03-14"     # dateline, not the sidebar's teaser dates


def test_glued_date_label_gives_the_day():
    m = meta_of((PAGES / "excerpt_date_prefix.txt").read_text("utf-8"))
    assert m == {"title": None, "author": None, "published": "2020-05-06", "site": None}


def test_place_dateline_line_and_dateline_in_lead():
    assert meta_of((PAGES / "short_news.txt").read_text("utf-8"))["published"] == "2022-11-11"
    assert meta_of((PAGES / "wrapped_and_repeated.txt").read_text("utf-8"))["published"] == "2021-06-02"


def test_no_stated_date_gives_none():
    raw = ("Estonia and Finland discuss tunnel\n\n"
           "Estonia and Finland held talks on Tuesday about a rail tunnel under the Gulf of Finland, "
           "which engineers say could open by 2040 if funding is found.\n")
    m = meta_of(raw)
    assert m["published"] is None              # 2040 is content, not the page's date
    assert m["title"] == "Estonia and Finland discuss tunnel"


def test_month_precision_is_kept():
    raw = ("Tonga and Samoa sign maritime boundary treaty\n\nPublished: June 2014\n\n"
           "Tonga and Samoa signed a treaty fixing their maritime boundary, ending a dispute that "
           "had lasted for decades, officials said.\n")
    assert meta_of(raw)["published"] == "2014-06"


def test_hints_win_over_text():
    raw = ("Some headline here\n\nBy Ann Lee\n\nMarch 3, 2019\n\n"
           "Two governments signed a memorandum on Monday on the joint management of a shared river basin.\n")
    m = meta_of(raw, {"title": "Declared title", "author": "B. Roe", "published": "2019-03-04T10:00:00Z",
                      "site": "Example Site"})
    assert m == {"title": "Declared title", "author": "B. Roe", "published": "2019-03-04", "site": "Example Site"}
    m = meta_of(raw)
    assert (m["title"], m["author"], m["published"]) == ("Some headline here", "Ann Lee", "2019-03-03")


@pytest.mark.parametrize("byline, name", [
    ("By Jane Doe", "Jane Doe"),
    ("By Dr Jane Doe, Reuters", "Jane Doe"),
    ("Written by Omar Farooq on 3 May 2019", "Omar Farooq"),
    ("By JANE DOE | Staff", "JANE DOE"),
    ("By Admin", None),
    ("By Staff Reporter", None),
    ("By AFP", None),
    ("", None),
])
def test_clean_author(byline, name):
    assert clean_author(byline) == name


def test_generic_byline_gives_no_author():
    raw = ("Slovenia and Croatia settle fishing dispute\n\n  0 comments  |  by admin\n\n"
           "Slovenia and Croatia settled a long-running fishing dispute in the Bay of Piran on Friday, "
           "the two foreign ministries said in a joint statement.\n")
    assert meta_of(raw)["author"] is None


@pytest.mark.parametrize("name, title, author, published", [
    ("standfirst_and_reporter_line.txt", "Norway and Iceland sign energy cable memorandum", "Erik Solberg", "2019-05-14"),
    ("double_date_line.txt", "Qatar and Turkey sign defence training deal", None, "2021-04-22"),
    ("posted_on_by_admin.txt", "Armenia and Iran agree on power line", None, "2016-06-02"),
    ("labelled_date_in_nav.txt", "Sri Lanka, Maldives ink maritime security pact", None, "2019-03-03"),
    ("name_and_date_byline.txt", "Pakistan, Uzbekistan agree on trans-Afghan railway study", "Mariana Baabar", "2019-03-03"),
    ("byline_with_counter.txt", "Kazakhstan and China open new border terminal", "Daniel Kim", "2020-03-08"),
    ("site_agency_line.txt", "Iran, Iraq sign gas payment deal", None, "2019-03-03"),
    ("staff_report_byline.txt", None, None, "2019-03-03"),
    ("slash_agency_dateline.txt", "Armenia, Georgia discuss transit fees", None, "2018-05-05"),
])
def test_header_layouts(name, title, author, published):
    m = meta_of((PAGES / name).read_text("utf-8"))
    assert (m["title"], m["author"], m["published"]) == (title, author, published)


def test_closing_bio_names_the_author_when_there_is_no_byline():
    raw = ("Chad and Niger agree to patrol lake together\n\n"
           "Chad and Niger agreed on Sunday to run joint patrols on Lake Chad to curb smuggling, the two "
           "defence ministries said in a statement.\n\n"
           "The patrols will start next month, officials said.\n\n"
           "Amina Diallo is a freelance journalist based in N'Djamena who covers the Sahel.\n")
    r = clean_text(raw)
    assert "freelance journalist" not in "\n".join(p.text for p in r.paragraphs)
    assert extract_meta(raw, r, {})["author"] == "Amina Diallo"


def test_two_authors_are_joined_as_written():
    raw = ("Laos and Thailand open rail bridge\n\nBy Ann Lee and Tom Berg, AFP\n\n"
           "Laos and Thailand opened a new rail bridge over the Mekong on Friday, officials from both sides said.\n")
    assert meta_of(raw)["author"] == "Ann Lee and Tom Berg"


def test_date_line_in_another_language():
    raw = ("Le Sénégal et le Maroc signent un accord sur la pêche\n\n"
           "Par Awa Ndiaye\n\n"
           "Publié le 14 mars 2019 à 09h30\n\n"
           "Le Sénégal et le Maroc ont signé jeudi à Dakar un accord qui permet aux bateaux des deux pays "
           "de pêcher dans leurs eaux respectives, a annoncé le ministère de la pêche.\n\n"
           "L'accord doit encore être ratifié par les deux parlements avant la fin de l'année.\n")
    m = meta_of(raw)
    assert m["published"] == "2019-03-14"
    assert m["author"] == "Awa Ndiaye"
    assert m["title"] == "Le Sénégal et le Maroc signent un accord sur la pêche"


def test_date_next_to_the_byline_beats_a_site_date_bar():
    raw = ("Monday, 10 June 2019\n\nHome | World | Business\n\n"
           "Peru and Bolivia agree on lake clean-up\n\nBy Rosa Quispe\n\n3 June 2019\n\n"
           "Peru and Bolivia agreed on Friday to clean up Lake Titicaca together, the two environment "
           "ministries said in a joint statement.\n")
    assert meta_of(raw)["published"] == "2019-06-03"


def test_markdown_header_markup_is_not_part_of_the_meta():
    raw = (PAGES / "markdown_article.md").read_text("utf-8")
    r = clean_text(raw)
    m = extract_meta(raw, r, {})
    assert (m["title"], m["author"], m["published"]) == (
        "Ethiopia and Djibouti agree on new water pipeline", "Hana Tesfaye", "2021-02-12")
    text = "\n".join(p.text for p in r.paragraphs)
    assert "funded by a loan" in text and "Tags:" not in text and "Share this article" not in text


@pytest.mark.parametrize("prefix, published", [
    (" date 2021-05-04 ", "2021-05-04"), (" date 2021-05 ", "2021-05"), (" date 2019 ", "2019"),
    ("Published: 2019-05\n\n", "2019-05"),
])
def test_date_label_at_the_precision_it_gives(prefix, published):
    raw = prefix + ("Kenya and Uganda agreed on Monday to extend the oil pipeline to the coast, "
                    "officials said in Nairobi.\n")
    r = clean_text(raw)
    assert r.paragraphs[0].text.startswith("Kenya and Uganda")
    assert extract_meta(raw, r, {})["published"] == published


def test_site_named_as_author_is_no_author():
    raw = "Two states signed a treaty on Monday to share river data, officials said in a joint statement.\n"
    assert meta_of(raw, {"author": "Dawn.com"})["author"] is None
    assert meta_of(raw, {"author": "Harbour Daily", "site": "Harbour Daily"})["author"] is None
    assert meta_of(raw, {"author": "Jane Doe", "site": "Harbour Daily"})["author"] == "Jane Doe"


def test_deck_repeated_by_the_article_is_not_the_title():
    raw = (" date 2019-04-02 The accord on river ferries was signed today in Dhaka\n\n"
           "Bangladesh and Bhutan today signed a transport accord. The accord on river ferries was signed "
           "today in Dhaka in the presence of both prime ministers, officials said.\n")
    m = meta_of(raw)
    assert m["title"] is None and m["published"] == "2019-04-02"


def test_embedded_post_sign_off_is_not_a_byline():
    raw = ("Kenya and Ethiopia open new border post at Moyale, cutting waiting times for lorries, officials said.\n\n"
           "Trade will flow faster now. pic.twitter.com/abc123\n\n"
           "— Transport Minister (@example_min) June 3, 2021\n\n"
           "The post will be open around the clock, the two governments said in a statement on Thursday.\n")
    r = clean_text(raw)
    m = extract_meta(raw, r, {})
    assert m["author"] is None and m["published"] is None
    assert "— Transport Minister (@example_min) June 3, 2021" in "\n".join(p.text for p in r.paragraphs)


def test_date_inside_agency_credit_of_the_dateline():
    raw = ("MUSCAT, (Example News Agency / Gulf Wire - 4th Mar, 2020) Oman and Iran signed an accord "
           "on Wednesday to extend a gas pipeline across the Gulf of Oman, officials said.\n")
    assert meta_of(raw)["published"] == "2020-03-04"


def test_publisher_with_web_address_is_no_author():
    raw = "Two states signed a treaty on Monday to share river data, officials said in a joint statement.\n"
    assert meta_of(raw, {"author": "Example Wave (www.example.org)"})["author"] is None


def test_labelled_date_wins_over_an_unlabelled_one_near_the_title():
    raw = (" date 2020-06-01 Sunday, 07 June 2020\n\nFiji and Tonga sign fisheries pact\n\n"
           "Fiji and Tonga signed a fisheries pact on Monday to share patrol boats, officials said in Suva.\n")
    assert meta_of(raw)["published"] == "2020-06-01"


@pytest.mark.parametrize("raw, title", [
    ("Fiji and Samoa agree on shipping lane\n\nNew Delhi, December 12\n\nFiji and Samoa agreed on Monday to open a "
     "shared shipping lane between their main ports, officials said.\n", "Fiji and Samoa agree on shipping lane"),
    ("Fiji and Samoa agree on shipping lane\n\nin World News by\n\nFiji and Samoa agreed on Monday to open a "
     "shared shipping lane between their main ports, officials said.\n", "Fiji and Samoa agree on shipping lane"),
    ("Fiji and Samoa agree on shipping lane\n\nShipping & Ports\nOctober 05, 12:36 UTC+3\n\nAccording to the ministers, "
     "the two states have also mapped out plans for fisheries\n\nSUVA, October 5. Fiji and Samoa agreed on Monday to "
     "open a shared shipping lane between their main ports, officials said.\n", "Fiji and Samoa agree on shipping lane"),
])
def test_yearless_datelines_and_bylines_are_not_titles(raw, title):
    m = meta_of(raw)
    assert m["title"] == title and m["published"] is None


@pytest.mark.parametrize("line, published", [
    ("Posted: 19-Jan-2023", "2023-01-19"), ("2023/01/19", "2023-01-19"), ("Published 3 hours ago", None),
])
def test_more_date_line_shapes(line, published):
    raw = (f"Nepal and Bhutan sign hydropower pact\n\n{line}\n\n"
           "Nepal and Bhutan signed a hydropower pact on Monday to trade electricity across the region, "
           "officials said.\n")
    assert meta_of(raw)["published"] == published
