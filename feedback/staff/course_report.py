"""A course run's before-and-after picture, by Kirkpatrick level.

1. Reaction: the post-course satisfaction items (% agree).
2. Learning: each confidence item paired before and after through the private code —
   mean and median change, % improved, and a Wilcoxon signed-rank test (and again from
   before the course to the follow-up, to see whether it lasted).
3. Behaviour: at follow-up, "I have used this in practice" (% yes) and similar items.
Plus response rates against the cohort size and the themes of the comments.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.stats_paired import PairedSummary, paired_change
from feedback.models import Campaign, CourseRun
from feedback.services.outcomes import course_data as data
from feedback.services.surveys.courses import course_campaigns
from forms.schema import Definition


@dataclass
class Stage:
    """One of the three campaigns, with its counts and response rate."""

    key: str
    campaign: Campaign | None
    counts: data.StageCounts
    cohort: int

    @property
    def rate(self) -> float | None:
        """People who answered as a share of those booked, 0-100 (may pass 100 on typos)."""
        return round(100 * self.counts.people / self.cohort, 1) if self.cohort else None


@dataclass
class LearningItem:
    question_id: str
    text: str
    summary: PairedSummary


@dataclass
class Learning:
    """Paired change between two stages."""

    pairing: data.Pairing
    items: list[LearningItem] = field(default_factory=list)


@dataclass
class CourseReport:
    course: CourseRun
    stages: list[Stage]
    reaction: list[data.ItemCounts]
    learning: Learning
    lasting: Learning
    behaviour: list[data.ItemCounts]
    themes: list[tuple[str, int]]
    comments: dict[str, list[data.Comment]]
    min_n: int

    @property
    def small(self) -> bool:
        """Too few answers to read much into: the page says so."""
        return max((s.counts.people for s in self.stages), default=0) < self.min_n


def _definition(campaign: Campaign | None) -> Definition | None:
    if campaign is None or campaign.survey.current_version is None:
        return None
    return campaign.survey.current_version.definition


def _confidence_items(before: Definition | None, after: Definition | None) -> list[tuple[str, str]]:
    """0-10 questions asked at both stages, as (id, wording at the later stage)."""
    if before is None or after is None:
        return []
    asked_before = {q.id for q in before.questions() if q.qtype.paired_scale}
    return [
        (q.id, q.text) for q in after.questions() if q.qtype.paired_scale and q.id in asked_before
    ]


def _learning(before: Campaign | None, after: Campaign | None) -> Learning:
    if before is None or after is None:
        return Learning(data.Pairing())
    questions = _confidence_items(_definition(before), _definition(after))
    vectors = data.paired_values(before.id, after.id, [q for q, _t in questions])
    items = [LearningItem(q, text, paired_change(*vectors[q])) for q, text in questions]
    return Learning(data.pairing(before.id, after.id), items)


def course_report(course: CourseRun) -> CourseReport:
    """Everything the course page shows, computed for `course`."""
    campaigns = course_campaigns(course)
    stages = [
        Stage(
            key, campaign, data.stage_counts(campaign.id if campaign else None), course.cohort_size
        )
        for key, campaign in campaigns.by_stage()
    ]
    post_def = _definition(campaigns.post)
    followup_def = _definition(campaigns.followup)
    ids = [c.id for _k, c in campaigns.by_stage() if c is not None]
    min_n = min((d.min_n for d in (post_def, followup_def) if d is not None), default=10)
    return CourseReport(
        course=course,
        stages=stages,
        reaction=data.items(post_def, campaigns.post.id if campaigns.post else None, ("likert5",)),
        learning=_learning(campaigns.pre, campaigns.post),
        lasting=_learning(campaigns.pre, campaigns.followup),
        behaviour=data.items(
            followup_def,
            campaigns.followup.id if campaigns.followup else None,
            ("yes_no", "likert5"),
        ),
        themes=data.theme_counts(ids),
        comments=data.theme_comments(ids),
        min_n=min_n,
    )
