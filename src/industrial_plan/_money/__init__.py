"""Money and units: the first wing, which every other one builds on.

- ``units``: the package's pint registry (exact Decimal magnitudes, one
  dimension per currency, scale words such as "billion" and 亿), read from
  ``units.txt``; amounts, totals and base units.
- ``rates``: exchange rates (fixed, or the bundled ECB reference rates),
  annual averages, :func:`~industrial_plan.convert` and pint contexts.

May import: the ground floor (``industrial_plan._errors``, ``_text``,
``_collector``) only.  ``tests/test_layout.py`` checks the direction.
"""
