"""`heard demo`: made-up responses, a reading list and a training course, none of it real.

Only the `heard demo` command imports this package: production code never does (an
import-linter contract in setup.cfg keeps it so).
"""
