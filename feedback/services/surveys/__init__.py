"""Surveys and what respondents do with them: versions, slugs, campaigns, courses, focus groups,
storing a response and the end of its life."""
