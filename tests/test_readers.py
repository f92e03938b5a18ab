"""Readers: every format, chosen by content, and broken files with clear messages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.readers import decode, detect_format, read_file, read_text
from generator.readers.dates import iso_date

WP_POST = {
    "date_gmt": "2024-04-09T15:14:35",
    "link": "https://example.com/2024/04/09/story/",
    "slug": "story",
    "title": {"rendered": "Xi meets Russia&#8217;s Lavrov &amp; <em>others</em>"},
    "content": {"rendered": "<p class='x'>First &nbsp;para&#8217;s text.</p>\n<div>Second <b>para</b>.</div>"
                            "<script>alert(1)</script><p></p>"},
}


def test_wordpress_post_in_a_txt_file_is_recognised_by_content():
    docs = read_text("a.txt", json.dumps(WP_POST))
    assert len(docs) == 1 and docs[0].format == "wordpress"
    doc = docs[0]
    assert doc.meta.title == "Xi meets Russia’s Lavrov & others"
    assert doc.meta.published == "2024-04-09T15:14:35Z"
    assert doc.meta.url == "https://example.com/2024/04/09/story/"
    assert doc.text == "First para’s text.\n\nSecond para."


def test_wordpress_list_of_posts_gives_one_document_each_with_its_slug():
    second = dict(WP_POST, slug="other", title={"rendered": "Other"})
    docs = read_text("posts.json", json.dumps([WP_POST, second]))
    assert [d.meta.slug for d in docs] == ["story", "other"]
    assert [d.index for d in docs] == [0, 1]


def test_broken_json_names_the_line():
    with pytest.raises(ContentError) as exc:
        read_text("bad.json", '{\n  "content": {"rendered": "x"},\n  oops\n}')
    assert exc.value.problem.line == 3
    assert "broken JSON" in exc.value.problem.message


def test_json_that_is_not_a_post_is_explained():
    with pytest.raises(ContentError, match="not a WordPress post"):
        read_text("x.json", '{"hello": 1}')


def test_markdown_front_matter_and_raw_html_disabled():
    text = "---\ntitle: A title\noutlet: The Paper\npublished: 2024-04-10\ncredits: [Reuters]\n---\n" \
           "# Heading\n\nBody with <script>alert(1)</script> and *stress*.\n"
    doc = read_text("a.md", text)[0]
    assert doc.format == "markdown"
    assert (doc.meta.title, doc.meta.outlet, doc.meta.published, doc.meta.credits) == \
        ("A title", "The Paper", "2024-04-10", ("Reuters",))
    assert doc.text == "Heading\n\nBody with <script>alert(1)</script> and stress."


def test_broken_front_matter_names_the_line():
    with pytest.raises(ContentError) as exc:
        read_text("a.md", "---\ntitle: ok\nbad: [unclosed\n---\nBody.\n")
    assert exc.value.problem.line is not None and "YAML" in exc.value.problem.message


def test_unclosed_front_matter():
    with pytest.raises(ContentError, match="never closed"):
        read_text("a.md", "---\ntitle: x\nBody that never closes\n")


def test_plain_text_short_first_line_is_the_title():
    doc = read_text("a.txt", "A short headline\n\nFirst paragraph. Second sentence.\n\nNext paragraph.")[0]
    assert doc.meta.title == "A short headline"
    assert doc.text == "First paragraph. Second sentence.\n\nNext paragraph."


def test_plain_text_long_first_line_is_not_a_title_and_lines_are_paragraphs():
    first = "This is a long opening sentence of running text that goes on, as news text does, for a while."
    doc = read_text("a.txt", f"{first}\nSecond paragraph.\n")[0]
    assert doc.meta.title is None
    assert doc.text == f"{first}\n\nSecond paragraph."


def test_html_page_main_text_and_meta_tags():
    body = "".join(f"<p>Paragraph {i} of the article tells the reader something new about the story.</p>"
                   for i in range(6))
    page = ("<!doctype html><html><head><title>Page title</title>"
            "<meta property='og:site_name' content='Daily Paper'>"
            "<meta property='article:published_time' content='2024-04-09T10:00:00+02:00'></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Headline</h1>{body}</article>"
            "<footer>© Daily Paper. All rights reserved.</footer></body></html>")
    doc = read_text("page.html", page)[0]
    assert doc.format == "html"
    assert doc.meta.outlet == "Daily Paper"
    assert "Paragraph 5 of the article" in doc.text
    assert "All rights reserved" not in doc.text


@pytest.mark.parametrize("head, published", [
    ("<meta property='article:published_time' content='2026-11-24T14:05:00+01:00'>", "2026-11-24T13:05:00Z"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", '
     '"datePublished": "2026-11-24T09:30:00-05:00"}</script>', "2026-11-24T14:30:00Z"),
    ("<meta property='article:published_time' content='2026-11-24'>", "2026-11-24"),
])
def test_html_page_keeps_the_time_of_publication_when_the_page_gives_one(head, published):
    """The time orders two articles of one day; a page giving only the day gets no midnight."""
    body = "".join(f"<p>Paragraph {i} of the article tells the reader something new about the story.</p>"
                   for i in range(6))
    page = f"<!doctype html><html><head><title>T</title>{head}</head><body><article>{body}</article></body></html>"
    assert read_text("page.html", page)[0].meta.published == published


def test_format_detection_prefers_content():
    assert detect_format("x.txt", '{"content": {}}') == "wordpress"
    assert detect_format("x.txt", "---\ntitle: a\n---\nbody") == "markdown"
    assert detect_format("x.txt", "<!DOCTYPE html><html></html>") == "html"
    assert detect_format("x.md", "no front matter") == "text" or detect_format("x.md", "plain") == "markdown"


@pytest.mark.parametrize("name, text, message", [
    ("d.md", "---\ntitle: X\npublished: 2026-13-45\n---\n\nBody.", "published: cannot read '2026-13-45' as a date"),
    ("t.md", "---\ntitle: [a, b]\n---\n\nBody.", "title: expected one line of text"),
    ("c.md", "---\ncredits: {by: x}\n---\n\nBody.", "credits: expected a line of text or a list of lines"),
    ("w.json", '{"date_gmt": "soon", "content": {"rendered": "<p>Body.</p>"}}',
     "date_gmt: cannot read 'soon' as a date"),
])
def test_bad_metadata_values_are_content_errors_naming_the_key(name, text, message):
    with pytest.raises(ContentError, match=re.escape(message)):
        read_text(name, text)


def test_a_bad_front_matter_value_is_reported_at_its_line():
    with pytest.raises(ContentError) as exc:
        read_text("x.md", "---\ntitle: X\nauthor: Y\n\npublished: 2026-13-45\n---\n\nBody.")
    assert (exc.value.problem.line, exc.value.problem.message[:10]) == (5, "published:")


def test_front_matter_dates_and_a_number_as_credits_are_read():
    meta = read_text("a.md", "---\npublished: 2026-11-24 14:05:00+01:00\ncredits: 5\n---\n\nBody.")[0].meta
    assert (meta.published, meta.credits) == ("2026-11-24T13:05:00Z", ("5",))


def test_unrendered_wordpress_shortcodes_are_dropped_and_editorial_brackets_kept():
    html = ('<p>The council approved it.</p>[caption id="attachment_1" width="800"]<img src="a.jpg"> '
            'Flooded street.[/caption]<p>[embed]https://youtu.be/x[/embed]</p>'
            '<p>“They [the council] waited too long [sic],” she said.</p><p>[gallery ids="1,2"]</p>')
    text = read_text("wp.json", json.dumps({"content": {"rendered": html}}))[0].text
    assert text.split("\n\n") == ["The council approved it.", "Flooded street.", "https://youtu.be/x",
                                   "“They [the council] waited too long [sic],” she said."]


@pytest.mark.parametrize("json_ld, title, outlet", [
    ('{"@type": "NewsArticle", "headline": "Barrier &amp; more", "publisher": {"name": "Gazette"}}',
     "Barrier & more", "Gazette"),
    ('{"@graph": [{"@type": "WebSite"}, {"headline": "Graph headline", "publisher": [{"name": "Pub"}]}]}',
     "Graph headline", "Pub"),
    ("{broken", None, None),
])
def test_html_page_headline_and_publisher_from_json_ld(json_ld, title, outlet):
    """A page giving them only as JSON-LD had no title and no outlet."""
    body = "".join(f"<p>Paragraph {i} of the article tells the reader something new about the story.</p>"
                   for i in range(6))
    page = (f'<!doctype html><html><head><script type="application/ld+json">{json_ld}</script></head>'
            f"<body><article>{body}</article></body></html>")
    meta = read_text("page.html", page)[0].meta
    assert (meta.title, meta.outlet) == (title, outlet)


def test_hard_wrapped_text_without_blank_lines_is_joined_back_into_paragraphs():
    """Each line was a paragraph: a quote wrapped over two lines was cut (truncated, no speaker)."""
    text = ("Barrier approved\n"
            "The council of Portmere on Monday approved a 240 million euro flood\n"
            "barrier, two weeks after a storm surge flooded homes along the harbour.\n"
            "\u201cWe cannot ask people to rebuild their lives and then leave them\n"
            "exposed,\u201d Mayor Elena Fischer told reporters outside the town hall.\n"
            "Doyle voted against.")
    doc = read_text("wrapped.txt", text)[0]
    assert doc.meta.title == "Barrier approved"
    assert doc.text.split("\n\n") == [
        "The council of Portmere on Monday approved a 240 million euro flood barrier, two weeks after a "
        "storm surge flooded homes along the harbour.",
        "\u201cWe cannot ask people to rebuild their lives and then leave them exposed,\u201d Mayor Elena "
        "Fischer told reporters outside the town hall.",
        "Doyle voted against."]
    one_per_line = "Title here\nFirst short paragraph.\nSecond one is here.\nThird line of the brief"
    assert read_text("s.txt", one_per_line)[0].text.count("\n\n") == 2


def test_a_headline_dateline_or_short_list_is_not_taken_for_hard_wrapped_text():
    """The widest line of a short text is no wrap width: a headline was glued to its dateline."""
    from generator.text import split_plain_paragraphs

    dated = ("Prime Minister announces new support package for families facing cost of living\n"
             "LONDON, 3 March\nThe government said on Monday it would spend more.\nCritics said it was too little.")
    assert split_plain_paragraphs(dated)[:2] == [
        "Prime Minister announces new support package for families facing cost of living", "LONDON, 3 March"]
    results = "Leeds Central Labour hold with majority\nHull East Conservative gain from Labour\nWakefield Labour hold"
    assert len(split_plain_paragraphs(results)) == 3


def test_control_characters_are_not_kept_in_the_text():
    doc = read_text("c.txt", "Title here\n\nA bell\x07, an escape \x1b[31mred\x00 and a\x0cform feed.\n")[0]
    assert doc.text == "A bell, an escape [31mred and a form feed."


def test_a_markdown_file_opening_with_a_level_one_heading_takes_it_as_title():
    """Without front matter the '# Headline' was the article's first paragraph and the
    article had no title."""
    doc = read_text("x.md", "# Council *approves* barrier\n\nThe council approved it on Monday.\n")[0]
    assert (doc.meta.title, doc.text) == ("Council approves barrier", "The council approved it on Monday.")
    doc = read_text("y.md", "---\ntitle: Given\n---\n# Heading\n\nBody.\n")[0]
    assert (doc.meta.title, doc.text) == ("Given", "Heading\n\nBody.")


def test_empty_file_is_an_error():
    with pytest.raises(ContentError, match="empty"):
        read_text("e.txt", "  \n\n")


def test_latin_1_is_decoded_with_a_warning_and_binary_is_refused():
    text, warning = decode("old.txt", "Caf\u00e9 cr\u00e8me, said the judge.\r\n".encode("latin-1"))
    assert "Café crème" in text and warning and warning.warning and "not UTF-8" in warning.message
    with pytest.raises(ContentError, match="binary"):
        decode("img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00")


@pytest.mark.parametrize("text, encoding", [
    ("Portmere votes for a flood barrier.\n\nCaf\u00e9 na\u00efve fa\u00e7ade", "latin-1"),
    ("\u041c\u044d\u0440 \u0441\u043a\u0430\u0437\u0430\u043b\u0430, \u0447\u0442\u043e "
     "\u0433\u043e\u043b\u043e\u0441\u043e\u0432\u0430\u043d\u0438\u0435 "
     "\u043f\u043e\u043b\u043e\u0436\u0438\u043b\u043e \u043a\u043e\u043d\u0435\u0446 "
     "\u0437\u0430\u0434\u0435\u0440\u0436\u043a\u0430\u043c.", "cp1251"),
    ("Burmistrz powiedzia\u0142, \u017ce g\u0142osowanie zako\u0144czy\u0142o lata "
     "op\u00f3\u017anie\u0144. \u017b\u00f3\u0142\u0107 g\u0119\u015b.", "cp1250"),
    ("\u039f \u03b4\u03ae\u03bc\u03b1\u03c1\u03c7\u03bf\u03c2 \u03b5\u03af\u03c0\u03b5 "
     "\u03cc\u03c4\u03b9 \u03b7 \u03c8\u03b7\u03c6\u03bf\u03c6\u03bf\u03c1\u03af\u03b1 "
     "\u03ad\u03b2\u03b1\u03bb\u03b5 \u03c4\u03ad\u03bb\u03bf\u03c2.", "cp1253"),
])
def test_legacy_code_pages_are_decoded_to_the_text_written(text, encoding):
    """Windows-1252 is preferred only where it reads as well as the detected code page: a
    short Latin-1 text is not read as cp775, nor Russian, Polish or Greek as cp1252."""
    decoded, warning = decode("old.txt", text.encode(encoding))
    assert decoded == text and warning and warning.warning


def test_utf_8_with_a_stray_windows_byte_is_read_as_utf_8_with_a_warning():
    """A Windows apostrophe pasted into a UTF-8 file made it 'not UTF-8 and no other text
    encoding fits' (an error failing the build)."""
    body = "Der B\u00fcrgermeister sagte: \u201eWir bauen.\u201c Caf\u00e9 \u00fcber Stra\u00dfe.\n" * 3
    decoded, warning = decode("mixed.txt", body.encode("utf-8") + b"It\x92s late.")
    assert decoded == body + "It\u2019s late." and warning.warning and "stray bytes" in warning.message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf_16_and_32_with_a_byte_order_mark_are_read_not_refused_as_binary(encoding):
    text = "Flood barrier\r\n\r\nDer B\u00fcrgermeister sagte: \u201eWir bauen.\u201c"
    decoded, warning = decode("notepad.txt", text.encode(encoding))
    assert decoded == text and warning and encoding.upper() in warning.message


@pytest.mark.parametrize("value, expected", [
    ("2024-04-09", "2024-04-09"),
    ("2024-04-09T15:14:35Z", "2024-04-09T15:14:35Z"),
    ("2024-04-09T17:14:35+02:00", "2024-04-09T15:14:35Z"),
    ("9 April 2024", "2024-04-09"),
    ("1712675675", "2024-04-09T15:14:35Z"),  # a Unix time is UTC, whatever the machine's time zone
    ("April 9, 2024 3:30 pm", "2024-04-09T15:30:00"),
    (None, None),
])
def test_dates_in_odd_formats(value, expected):
    assert iso_date(value) == expected


def test_a_date_that_is_no_date_is_an_error():
    with pytest.raises(ValueError, match="cannot read"):
        iso_date("sometime soon-ish maybe")


def test_wire_copy_paragraph_bytes_rules_and_typewriter_quotes():
    wire = ("  " + "-" * 40 + "\r\n\r\n  " + "-" * 40 + "\r\n"
            "MAN CLEARED OVER `FAKE' CLAIM<\r\n\x19By A Reporter, PA News<\r\n"
            "\x19A man said he was ``very happy'' with the\r\nverdict today.<\r\n"
            "\x19``It is over,'' he said.<\r\n")
    doc = read_text("wire.txt", wire)[0]
    assert doc.meta.title == "MAN CLEARED OVER \u2018FAKE' CLAIM"
    assert doc.text.split("\n\n") == [
        "By A Reporter, PA News",
        "A man said he was \u201cvery happy\u201d with the verdict today.",
        "\u201cIt is over,\u201d he said.",
    ]


READER_FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def test_wire_header_and_slug_line_are_not_the_title():
    docs, _ = read_file(READER_FIXTURES / "wire_page1.txt")
    doc = docs[0]
    assert doc.meta.title == "BAKER FINED £200 OVER \u2018STOLEN' TEAPOT"
    assert "Page 1" not in doc.text and "COURTS Teapot" not in doc.text
    assert doc.text.split("\n\n") == [
        "By A Writer, Wire News",
        "A baker was fined £200 today for taking a teapot from a cafe, magistrates heard.",
        "\u201cIt was a mistake,\u201d she told the court.",
    ]


def test_wire_continuation_page_has_no_title_and_keeps_its_note_in_the_text():
    doc = read_file(READER_FIXTURES / "wire_page2.txt")[0][0]
    assert doc.meta.title is None
    assert doc.text.split("\n\n") == [
        "(reopens)", "The magistrate said the teapot had been returned unharmed.", "The case was closed.",
    ]


def test_a_bracketed_note_before_a_headline_is_not_the_title():
    doc = read_text("note.txt", "(Corrects spelling of name)\n\nJUDGE CLEARS TEAPOT BAKER\n\nThe baker was cleared.")[0]
    assert doc.meta.title == "JUDGE CLEARS TEAPOT BAKER"
    assert doc.text.split("\n\n") == ["(Corrects spelling of name)", "The baker was cleared."]
