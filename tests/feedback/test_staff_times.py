"""Every time staff see is in HEARD_TIMEZONE (Europe/London by default), never raw UTC."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfoNotFoundError

import pytest

from feedback.extensions import db
from feedback.models import AuditEvent
from tests.feedback.admin_helpers import sign_in_as

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_no_staff_template_formats_a_time_itself():
    """A strftime or isoformat in a template shows UTC (the database's) as if it were local:
    staff templates use the staff_time and staff_date filters instead."""
    raw = re.compile(r"strftime|isoformat\(|\(UTC\)|\bUTC\b")
    found = [
        f"{path.relative_to(TEMPLATES)}:{n}"
        for path in TEMPLATES.rglob("*.html")
        if not path.is_relative_to(TEMPLATES / "respond")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if raw.search(line)
    ]
    assert found == []


def test_another_zone_can_be_chosen(make_app):
    app = make_app(HEARD_TIMEZONE="America/New_York")
    client = app.test_client()
    sign_in_as(app, client, "admin")
    with app.app_context():
        db.session.add(AuditEvent(action="reading.remind", at=datetime(2026, 12, 1, 12, 0)))
        db.session.commit()
    page = client.get("/admin/audit?action=reading.remind").get_data(as_text=True)
    assert "1 Dec 2026, 07:00 EST" in page


def test_a_zone_that_does_not_exist_stops_the_start(make_app):
    with pytest.raises(ZoneInfoNotFoundError):
        make_app(HEARD_TIMEZONE="Europe/Atlantis")
