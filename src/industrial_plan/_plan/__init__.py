"""Plans: the typed model of a plan, and plan files and rows in and out of it.

- the model: the system, its owners (tiers, industries, the region), metrics,
  targets and observations, the roadmap and layout, and the whole-plan checks;
- ``files``: TOML, YAML and JSON through one cattrs converter, the JSON Schema
  (``plan.schema.json``); ``quick``: the quick path of loading;
  ``yaml_events``: YAML from libyaml's events; ``positions``: the line of each
  problem; ``validation`` and ``salvage``: every problem at once (error path);
- ``rows_in`` and ``rows_out``: long-format rows, CSV, pandas and Arrow.

May import: the ground floor, ``_money`` and ``_figures``.
"""
