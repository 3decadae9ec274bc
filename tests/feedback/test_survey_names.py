"""The three children's surveys carry their age band wherever staff see them."""

from __future__ import annotations

from tests.feedback.staff_helpers import signed_in

NAMES = (
    "Tell us what you think (ages 5\u20137)",
    "Your views about the help you got (ages 8\u201311)",
    "Your experience of getting help (ages 12\u201317)",
)


def test_staff_pages_name_childrens_surveys_with_their_age_band(library_loaded):
    analyst = signed_in(library_loaded, "analyst")
    admin = signed_in(library_loaded, "admin")
    facilitator = signed_in(library_loaded, "facilitator")
    pages = {
        "/analyse/": analyst,
        "/analyse/report": analyst,
        "/admin/surveys": admin,
        "/admin/campaigns": admin,
        "/facilitate/paper": facilitator,
    }
    for url, client in pages.items():
        html = client.get(url).get_data(as_text=True)
        for name in NAMES:
            assert name in html, f"{url} does not say {name!r}"
    page = analyst.get("/analyse/surveys/children-8-11").get_data(as_text=True)
    assert f"<h1>{NAMES[1]}</h1>" in page
    # An adults' survey has no band to add.
    assert "Your experience as a parent or carer</a>" in analyst.get("/analyse/").get_data(
        as_text=True
    )


def test_the_campaign_form_chart_titles_and_pooled_rows_carry_the_age_band(library_loaded):
    admin = signed_in(library_loaded, "admin")
    form = admin.get("/admin/campaigns/new").get_data(as_text=True)
    for name in NAMES:
        assert f">{name}</option>" in form
    analyst = signed_in(library_loaded, "analyst")
    page = analyst.get("/analyse/surveys/children-8-11?pool=1").get_data(as_text=True)
    # An "All of" row names each survey it adds up with its band (and its slug).
    pooled = page[page.index("<td>All of: ") :].split("</td>", 1)[0]
    for name, slug in zip(NAMES, ("children-5-7", "children-8-11", "children-12-17"), strict=True):
        assert f"{name} ({slug})" in pooled
    assert f'alt="Bar chart, {NAMES[1]}: outcomes, all responses.' in page
