"""Outputs: what people read, drawn from an assessment.

- ``rows``: the report's rows and what they show (currency, rounding, notes);
  ``report``: a rich table, CSV, Markdown and JSON; ``text_report``: the
  terminal table, streamed; ``html``: HTML tables and the Jupyter views;
- ``review``: the review as a planning office publishes it;
- ``chart``: the progress chart (matplotlib); the modules it draws with
  (``chart_panel``, ``chart_axes``, ``chart_series``, ``chart_kinds``,
  ``chart_colours``, ``chart_words``) load with the first chart;
- ``cli``: the ``industrial-plan`` command (typer and rich), loaded only by
  :mod:`industrial_plan.cli`; ``cli_base``: what its commands share;
  ``cli_extract``: the ``extract`` command.

May import: every wing below (the ground floor, ``_money``, ``_figures``,
``_plan``, ``_files``, ``_progress``); nothing imports it but the public face.
"""
