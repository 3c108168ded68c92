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
  proven once per form of figure;
- ``document``: every figure of a document
  (:func:`~industrial_plan.find_figures`), read by ``reading`` (sentence by
  sentence), ``spans`` (where a figure's words stand), ``context`` (years,
  periods, roles, estimates) and ``subjects`` (the indicator), loaded on the
  first call; ``found`` (:class:`~industrial_plan.FoundFigure`) and
  ``period`` (:class:`~industrial_plan.Period`).

May import: the ground floor and ``_money``.
"""
