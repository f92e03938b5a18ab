"""The quote table's filter has 'paraphrased somewhere' when paraphrase detection is on: the
legend shows that status, so a reader can ask for the quotes said in other words."""

from __future__ import annotations

import json


def test_quotes_can_be_filtered_to_the_paraphrased_ones(open_page, demo_site):
    report = json.loads((demo_site / "report.json").read_text(encoding="utf-8"))
    if not report["semantic"]:
        return
    page = open_page().goto("quotes.html")
    paraphrased = page.locator("table.quotes tbody tr", has_text="paraphrased").count()
    assert paraphrased > 0
    for box in page.locator("input[name=status]").all():
        if box.get_attribute("value") != "paraphrased":
            box.uncheck()
    assert page.locator("input[name=status][value=paraphrased]").is_checked()
    shown = page.locator("table.quotes tbody tr:not([hidden])")
    assert shown.count() == paraphrased
    for row in shown.all():
        assert "paraphrased" in row.get_attribute("data-statuses").split()
