"""What the answers say: outcome counts and tables, periods, changes, charts, stories, exports
and the Board report (read-only queries, apart from the report cache and the story)."""
