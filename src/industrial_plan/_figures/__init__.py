"""Figures: a stated number with its qualifier, read from text and written back.

- ``figure``: :class:`~industrial_plan.Figure`, its :class:`Qualifier`, the
  form it states (:class:`Change`, shares, ratios per head, counts) and its
  :class:`Source`; bounds and arithmetic on them.
- ``parse`` and the modules it reads with: text in English or Chinese to a
  figure (:func:`~industrial_plan.parse_figure`).
- ``format``: a figure to text, through CLDR (babel), in both languages.
- ``wording``: whether a plan file writes a figure in words or as fields,
  proven once per form of figure.

May import: the ground floor and ``_money``.
"""
