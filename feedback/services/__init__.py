"""The functions that change state and commit. Views and commands call these."""
