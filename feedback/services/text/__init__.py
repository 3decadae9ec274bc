"""Free-text analysis stored per answer, the model it runs with, and leads'
decisions as training labels."""
