"""Database models, one module per aggregate."""

from feedback.models.action import Action, ActionUpdate
from feedback.models.agency import SECTORS, Agency
from feedback.models.alert import AlertNote, ConcernAlert
from feedback.models.audit import AuditEvent
from feedback.models.audit_definition import AuditDefinition
from feedback.models.audit_return import AuditComment, AuditRating, AuditReturn
from feedback.models.audit_round import AuditCase, AuditCaseGrade, AuditRound
from feedback.models.dataset import EvidenceDefinition, IndicatorValue
from feedback.models.focus import FocusDraft, FocusQuote, FocusSession
from feedback.models.outcome_indexes import ANSWER_OUTCOME_VALUES, ANSWER_RESPONSE_VALUES
from feedback.models.reading import ReadingDecision
from feedback.models.report_cache import ReportPdf
from feedback.models.response import Answer, Response, SubmissionToken
from feedback.models.second_factor import RecoveryCode, SecurityKey, TotpSecret
from feedback.models.story import StoryEntry
from feedback.models.survey import Campaign, CourseRun, Survey, SurveyVersion
from feedback.models.text import TextAnalysis, TextTheme
from feedback.models.user import AGENCY_ROLES, ROLES, Invitation, User

__all__ = [
    "AGENCY_ROLES",
    "ANSWER_OUTCOME_VALUES",
    "ANSWER_RESPONSE_VALUES",
    "ROLES",
    "SECTORS",
    "Action",
    "ActionUpdate",
    "Agency",
    "AlertNote",
    "Answer",
    "AuditCase",
    "AuditCaseGrade",
    "AuditComment",
    "AuditDefinition",
    "AuditEvent",
    "AuditRating",
    "AuditReturn",
    "AuditRound",
    "Campaign",
    "ConcernAlert",
    "CourseRun",
    "EvidenceDefinition",
    "FocusDraft",
    "FocusQuote",
    "FocusSession",
    "IndicatorValue",
    "Invitation",
    "ReadingDecision",
    "RecoveryCode",
    "ReportPdf",
    "Response",
    "SecurityKey",
    "StoryEntry",
    "SubmissionToken",
    "Survey",
    "SurveyVersion",
    "TextAnalysis",
    "TextTheme",
    "TotpSecret",
    "User",
]
