"""Progress: how far each target has come, and the review of a whole plan.

Result types, the policies an assessment follows (thresholds, currency
conversion), the series of observations a target is measured on, one method
per family of target kinds (levels, shares and ratios, growth, caps,
cumulative totals), status and verdict, the system assessment with the
consistency of totals, the review's model, and the columnar path that
assesses many plans at once.

May import: the ground floor, ``_money``, ``_figures``, ``_plan`` and ``_files``.
"""
