"""Safeguarding: concern alerts, the reading list, contact details, notifying leads, and the
one rule for which texts staff may see."""
