"""The partnership's evidence beside the voices: priorities, the dataset, actions (issue 17)."""
