"""The page cleaner: body kept, furniture and reader comments dropped, spans exact."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tieline.ingest.clean import (BYLINE, COMMENT, DATE, DUPLICATE, CleanResult, clean_text,
                                  date_only)

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def page(name: str) -> str:
    return (PAGES / name).read_text("utf-8")


def body(result: CleanResult) -> str:
    return "\n\n".join(p.text for p in result.paragraphs)


def assert_exact_spans(raw: str, result: CleanResult) -> None:
    """Every paragraph, kept or dropped, is a slice of the raw text, and they do not overlap."""
    allp = sorted([*result.paragraphs, *result.dropped], key=lambda p: p.start)
    for p in allp:
        assert raw[p.start:p.end] == p.text
        assert p.text and p.text == p.text.strip()
    for a, b in zip(allp, allp[1:]):
        assert a.end <= b.start
    assert len(result.reasons) == len(result.dropped)
    starts = [p.start for p in result.paragraphs]
    assert starts == sorted(starts)


@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.glob("*.txt")))
def test_spans_point_into_raw(name):
    raw = page(name)
    assert_exact_spans(raw, clean_text(raw))


def test_blog_comments_and_furniture_are_dropped():
    raw = page("blog_with_comments.txt")
    r = clean_text(raw)
    text = body(r)
    # body, including short one-sentence paragraphs
    assert "operate a joint fisheries research vessel" in text
    assert "four voyages a year" in text
    assert "expected to vote on it before the end of the year" in text
    # furniture
    for gone in ("Share this:", "Advertisement", "Like this:", "Peru opens tender",
                 "Leave a Reply", "Required fields", "Post Comment", "Home | Archive"):
        assert gone not in text, gone
    # reader comments: the heading and everything after it
    for gone in ("thoughts on", "says:", "hake fishery has been a mess", "Reply", "what it gets in return"):
        assert gone not in text, gone
    assert COMMENT in r.reasons
    # the bio closing the article
    assert "freelance journalist" not in text
    # headline and byline are metadata, not body
    assert r.title == "Chile and Norway agree to share fisheries research vessel"
    assert r.title not in text
    assert "Posted by" not in text


def test_forum_replies_and_member_blocks_are_dropped():
    r = clean_text(page("forum_thread.txt"))
    text = body(r)
    assert "study a freight rail link" in text
    assert "how the line would be paid for" in text
    for gone in ("Reaction score", "Joined", "Mar 3, 2011", "Senior Member", "taiga_rider",
                 "Eighteen months for a study", "Thread starter", "Click to expand"):
        assert gone not in text, gone
    assert r.title == "Mongolia signs rail deal with Kazakhstan"


def test_dated_teaser_list_and_footer_are_dropped():
    r = clean_text(page("agency_wire_sidebar.txt"))
    text = body(r)
    assert text.startswith("ACCRA, March 14, 2016 (Reuters) - Japan will give Ghana")
    assert "Japan has funded several water projects" in text
    for gone in ("Most Read", "Oil prices slip", "March 12, 2016", "Cocoa farmers", "All rights reserved",
                 "cookies", "Business | Markets"):
        assert gone not in text, gone
    assert any(r == BYLINE for r in r.reasons)


def test_repeated_paragraph_kept_once_and_wrapped_lines_joined():
    raw = page("wrapped_and_repeated.txt")
    r = clean_text(raw)
    repeated = "The accord was signed by the two science ministers at a"
    assert sum(repeated in p.text for p in r.paragraphs) == 1
    assert DUPLICATE in r.reasons
    # the first occurrence is the one kept
    first = raw.index(repeated)
    assert any(p.start <= first < p.end for p in r.paragraphs)
    # a hard-wrapped paragraph is one paragraph
    assert any("on Wednesday that\nfunds joint research" in p.text for p in r.paragraphs)
    text = body(r)
    for gone in ("Subscribe to our newsletter", "Tags:", "Copyright 2021"):
        assert gone not in text


def test_glued_date_prefix_is_split_off_and_truncated_end_is_kept():
    raw = page("excerpt_date_prefix.txt")
    r = clean_text(raw)
    assert r.paragraphs[0].text.startswith("Peru and South Korea held talks")
    assert "date 2020-05-06" not in body(r)
    assert r.dropped_with(DATE)[0].text.endswith("2020-05-06")
    # the excerpt stops mid-word; the last paragraph is still body
    assert r.paragraphs[-1].text.endswith("the Korean mar")


def test_short_news_paragraphs_are_kept():
    r = clean_text(page("short_news.txt"))
    assert [p.text for p in r.paragraphs][-3:] == [
        "The ministry gave no date for the envoy's return.",
        "Norway declined to comment.",
        "Talks on the quotas broke down last month after three rounds in Bergen.",
    ]
    assert r.title == "Iceland recalls envoy from Oslo"


def test_single_sentence_document_is_its_own_body():
    raw = "Officials from two neighbouring states met on Monday to discuss water sharing.\n"
    r = clean_text(raw)
    assert [p.text for p in r.paragraphs] == [raw.strip()]
    assert r.title_para is None


def test_breadcrumb_is_not_the_title():
    raw = ("Home World Asia Laos and Vietnam open border crossing\n\n"
           "Laos and Vietnam open border crossing\n\n"
           "Laos and Vietnam opened a new road border crossing on Saturday, cutting the trip between "
           "the two capitals by several hours, officials said.\n")
    r = clean_text(raw)
    assert r.title == "Laos and Vietnam open border crossing"
    assert "Home World Asia" not in body(r)


def test_caption_and_photo_credit_lines_are_dropped():
    raw = ("Bolivia and Paraguay agree on gas pipeline study\n\n"
           "Bolivia and Paraguay agreed on Monday to study a gas pipeline across the Chaco, the energy "
           "ministers of both countries said in Asuncion.\n\n"
           "The two ministers shake hands in Asuncion (Reuters)\n\n"
           "Maria Lopez/AFP\n\n"
           "The study is due to be finished within a year, the ministers said.\n")
    text = body(clean_text(raw))
    assert "shake hands" not in text
    assert "Maria Lopez/AFP" not in text
    assert "within a year" in text


def test_empty_and_whitespace_input():
    assert clean_text("").paragraphs == ()
    assert clean_text("   \n\n \t\n").paragraphs == ()


def test_date_only_lines():
    assert date_only("Updated 27 Jul, 2024")
    assert date_only("Published: 3 May 2019, 10:30 am")
    assert date_only("Oslo, 11 November 2022")
    assert date_only("The talks were held on 3 May 2019.") is None
    assert date_only("Norway") is None


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120),
    st.sampled_from(["", "Reply", "3 Comments", "By Ann Lee", "March 3, 2019", "Share this:",
                     "The minister said the talks went well.", "Home | News", "\u00a0", "\r"]),
), max_size=25))
def test_never_raises_and_spans_stay_exact(chunks):
    raw = "\n".join(chunks)
    assert_exact_spans(raw, clean_text(raw))


def test_standfirst_date_and_topic_lists_stay_out_of_the_body():
    r = clean_text(page("standfirst_and_reporter_line.txt"))
    text = body(r)
    assert text.startswith("Norway and Iceland have signed a memorandum of understanding")
    assert "The cable would run for more than 1,000km across the north Atlantic." in text
    for gone in ("Leaders say undersea link", "Erik Solberg in Oslo", "Last modified", "Photograph:",
                 "Explore more", "Reuse this content", "Most viewed", "Storm closes airports"):
        assert gone not in text, gone


def test_date_line_after_standfirst_moves_the_body_start():
    text = body(clean_text(page("double_date_line.txt")))
    assert text.startswith("Qatar and Turkey signed an agreement on Thursday")
    assert "Published On" not in text and "SOURCE:" not in text


def test_discussion_subheading_is_not_a_comment_section():
    raw = ("Title of a policy brief on river treaties\n\n"
           "The first part of this brief describes how two upstream states share the river under a 1960s treaty.\n\n"
           "Discussion\n\n"
           "The second part weighs what a new treaty would change for farmers and for the hydropower plants.\n\n"
           "The joint statement says:\n\n"
           "Both sides will keep working together on flood warnings and on data sharing in the coming years.\n")
    text = body(clean_text(raw))
    assert "The second part weighs" in text
    assert "Both sides will keep working together" in text


def test_bare_comments_heading_with_a_thread_is_cut():
    raw = ("Two ministers met in the capital on Monday to discuss a long-delayed railway link, officials said.\n\n"
           "The railway would cut freight times between the two countries by half, according to planners.\n\n"
           "Comments\n\n"
           "rail_fan_88 wrote:\n\n"
           "They have been promising this line since I was a child and nothing ever happens with it.\n")
    text = body(clean_text(raw))
    assert "cut freight times" in text
    assert "rail_fan_88" not in text and "since I was a child" not in text


def test_short_opening_sentence_is_the_lead_not_a_header():
    raw = ("Two neighbours signed a gas deal.\n\n"
           "The deal covers a pipeline from the southern port to the industrial north of the country, "
           "officials said on Monday.\n")
    assert [p.text for p in clean_text(raw).paragraphs][0] == "Two neighbours signed a gas deal."


def test_markdown_emphasis_does_not_hide_a_sentence_end():
    raw = ("A headline about two states\n\n"
           "*KABUL - Two neighbouring states will hold talks in the capital this week on transit trade. *\n\n"
           "The talks follow a year of disputes over lorry permits, officials said.\n")
    assert body(clean_text(raw)).startswith("*KABUL - Two neighbouring states")


def test_glued_share_label_is_split_off():
    raw = ("Spread the loveJane Doe reports that two states signed a water accord on Monday in the capital.\n\n"
           "The accord covers three rivers, officials said.\n")
    r = clean_text(raw)
    assert r.paragraphs[0].text.startswith("Jane Doe reports")
    assert raw[r.paragraphs[0].start:r.paragraphs[0].end] == r.paragraphs[0].text


def test_function_word_line_end_does_not_swallow_the_next_paragraph():
    raw = ("A headline about river accords\n\nfiled in News by\n\n"
           "Two states signed a river accord on Monday, the foreign ministries of both countries said.\n")
    assert body(clean_text(raw)).startswith("Two states signed")


def test_section_labels_after_the_article_do_not_move_the_body():
    raw = ("Chile and Peru began joint naval drills off Arica on Monday, the two navies said in a statement.\n\n"
           "The last drills were held near Callao two years ago.\n\n"
           "Opinion\n\nEditorial\n\n"
           "Harvest worries\n3 May, 2022\n\nHarvest worries\n\n"
           "THE rains came late again this year, and farmers in the south are counting the cost...\n"
           "Port delays\n2 May, 2022\n\nPort delays\n\n"
           "Shipping queues at the main port have grown for the third week running, and exporters...\n")
    r = clean_text(raw)
    text = body(r)
    assert text.startswith("Chile and Peru began joint naval drills")
    assert "The last drills were held near Callao" in text
    for gone in ("Opinion", "Editorial", "Harvest worries", "THE rains came late", "Port delays", "Shipping queues"):
        assert gone not in text, gone


def test_forum_member_block_above_the_post():
    raw = ("desert_hawk\nSENIOR MEMBER\n- Joined\n- Feb 2, 2019\n- Messages\n- 1,204\n- Reaction score\n- 77\n"
           "The navies of two neighbouring states began a week of joint patrols in the strait on Sunday, "
           "according to a statement from the coast guard.\n"
           "The patrols are meant to deter smuggling of fuel and cigarettes, officials said.\n")
    r = clean_text(raw)
    assert r.paragraphs[0].text.startswith("The navies of two neighbouring states")
    m = __import__("tieline.ingest.meta", fromlist=["extract_meta"]).extract_meta(raw, r, {})
    assert (m["title"], m["author"], m["published"]) == (None, None, None)


def test_breadcrumb_glued_to_a_repeated_headline():
    raw = ("Ghana and Togo open joint border post\n\n"
           "West AfricaGhana and Togo open joint border post\n\n"
           "Ghana and Togo opened a joint border post at Aflao on Friday, cutting waiting times for traders, "
           "officials said.\n")
    r = clean_text(raw)
    assert r.title == "Ghana and Togo open joint border post"
    assert "West Africa" not in body(r)


def test_headline_ending_in_a_dashed_name_is_not_a_caption():
    raw = ("Gas talks stalled over price – minister\n"
           "The energy minister said on Monday that talks with the neighbouring state on gas prices had stalled.\n")
    r = clean_text(raw)
    assert r.title == "Gas talks stalled over price – minister"


def test_lower_case_picture_credit_is_not_merged_into_the_caption():
    raw = ("Two leaders meet in the capital on Monday to discuss a new rail link across the border region.\n\n"
           "Leaders shake hands\npicture alliance/dpa\n\n"
           "The rail link would cut travel time between the two capitals by half, officials said.\n")
    text = body(clean_text(raw))
    assert "picture alliance/dpa" not in text and "Leaders shake hands" not in text
    assert "cut travel time" in text


def test_source_credit_caption_and_read_links():
    raw = (" date 2017-02-09 Two ministers at the signing (Source: File/AP Photo)\n\n"
           "Officials said today the two states are discussing the technical aspects of a pipeline that will "
           "carry imported gas north.\n\n"
           "Read: Earlier talks on the pipeline stalled over tariffs\n\n"
           "The next round of talks is due in the spring, officials said.\n")
    text = body(clean_text(raw))
    assert "Source: File/AP Photo" not in text and "Read: Earlier talks" not in text
    assert text.startswith("Officials said today") and "next round of talks" in text


def test_bulleted_facts_inside_the_body_are_kept():
    raw = ("Two states signed a loan agreement on Monday to fund a new port, officials said in a statement.\n\n"
           "- A loan of $2 billion\n- A term of 20 years\n- An interest rate of 2 percent\n\n"
           "Construction is due to begin next year, the ministry said.\n")
    text = body(clean_text(raw))
    assert "- A loan of $2 billion" in text and "- An interest rate of 2 percent" in text


def test_opening_question_over_prose_is_the_headline():
    raw = ("Will the two neighbours finally build the pipeline they agreed on a decade ago?\n\n"
           "The two governments signed a new protocol on Friday that revives a pipeline project first agreed "
           "ten years ago, officials said.\n")
    r = clean_text(raw)
    assert r.title == "Will the two neighbours finally build the pipeline they agreed on a decade ago?"
    assert body(r).startswith("The two governments signed")


def test_glued_read_more_does_not_hide_the_last_paragraph():
    raw = ("Two states agreed on Monday to build a rail link across their border, officials said in a statement.\n\n"
           "\"This line will change the region,\" the transport minister said in a speech. Read More\n\n"
           "Leave a comment\n")
    text = body(clean_text(raw))
    assert "the transport minister said in a speech." in text and "Leave a comment" not in text


def test_bracketed_credit_marks_a_caption_and_its_alt_text():
    raw = ("Two leaders agreed on Saturday to build a high-speed rail line with a long-term loan, officials said.\n\n"
           "The two leaders\nThe leaders have forged a close relationship [Jane Roe/AP]\n\n"
           "The line will cut journey times between two cities from eight hours to two, the ministry said.\n")
    text = body(clean_text(raw))
    assert "Jane Roe/AP" not in text and "The two leaders\n" not in text
    assert "cut journey times" in text


def test_declared_title_is_dropped_wherever_it_stands():
    raw = ("Site Name Here\n\nA very long kicker line that sits above the headline on this page\n\n"
           "Laos and Cambodia sign power deal\n\n"
           "Laos and Cambodia signed a deal on Monday to export hydropower across their border, officials said.\n\n"
           "Laos and Cambodia sign power deal\n")
    r = clean_text(raw, title="Laos and Cambodia sign power deal")
    assert r.title == "Laos and Cambodia sign power deal"
    assert r.dropped[r.title_para].start == raw.index("Laos and Cambodia sign power deal")
    assert "sign power deal" not in body(r)
