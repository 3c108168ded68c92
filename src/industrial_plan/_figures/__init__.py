"""Figures: a stated number with its qualifier, read from text and written back.

- ``figure``: :class:`~industrial_plan.Figure` and its arithmetic;
  ``qualifier``, ``bounds`` (bounds and arithmetic on them), ``forms`` (the
  form a figure states: :class:`~industrial_plan.Change`, shares, ratios per
  head, counts), ``source`` and ``stated_rate`` (the rate a stated equivalent
  implies);
- ``parse``: the grammar of a figure (:func:`~industrial_plan.parse_figure`),
  reading with ``scanner``, ``numbers`` (Chinese and Arabic numerals) and
  ``lexicon`` (the word tables, built on first use);
- ``format``: a figure to text, through CLDR (babel), in both languages;
- ``wording``: whether a plan file writes a figure in words or as fields,
  proven once per form of figure.

May import: the ground floor and ``_money``.
"""
