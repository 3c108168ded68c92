"""Plans in and out: plan files, their problems and lines, and long-format rows.

- ``plan_files``: :func:`~industrial_plan.load`, ``loads``, ``save``,
  ``dumps``, ``to_dict``, ``from_dict`` and the JSON Schema
  (``plan.schema.json``); ``quick``: the quick path of loading a plan with no
  problem; ``converter``: the cattrs converter; ``yaml_events``: YAML from
  libyaml's events;
- the error path: ``detail`` (every problem of a plan that does not build),
  ``problems`` (cattrs' errors as paths and messages), ``validation`` (each
  failing field alone), ``salvage`` (the parts that read, for the whole-plan
  checks) and ``positions`` (the line of each problem);
- ``rows_in`` and ``rows_out``: long-format rows, CSV, pandas, Arrow, IAMC;
- ``draft``: a draft plan from the figures of a document
  (:func:`~industrial_plan.draft_plan`).

May import: the ground floor, ``_money``, ``_figures`` and ``_plan``.
"""
