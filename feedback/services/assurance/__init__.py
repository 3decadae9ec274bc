"""The partnership's own assurance (issue 16): partner agencies, Section 11 rounds and
multi-agency case audits. Kept apart from surveys: an audit return names its agency and
is never a survey response (no outcome statements, alerts, withdrawal or survey retention).
"""
