"""Outputs: what people read, drawn from an assessment.

- ``report`` and ``text_report``: progress as rows, a terminal table, CSV,
  Markdown, JSON and HTML (with the Jupyter views);
- ``review``: the review as a planning office publishes it;
- ``chart``, ``chart_panel``, ``chart_words``: the progress chart (matplotlib,
  imported only when a chart is drawn);
- ``cli``: the ``industrial-plan`` command (typer and rich), loaded only by
  :mod:`industrial_plan.cli`.

May import: every wing below (the ground floor, ``_money``, ``_figures``,
``_plan``, ``_progress``); nothing imports it but the public face.
"""
