"""Plans: the typed model of a plan, checked when built.

- ``system``: :class:`~industrial_plan.IndustrialSystem` and
  :func:`~industrial_plan.check`; ``system_checks``: the whole-plan checks
  it runs (unique ids and names, links, figures that fit their metrics);
- ``owners``: tiers, industries and the region; ``roadmap``: enterprises,
  policies, zones and the layout;
- ``targets``: targets and observations, and the kinds of target;
  ``metrics``: metrics and their dimensions; ``names``: names in several
  languages; ``fields``: the small validators every class shares.

May import: the ground floor, ``_money`` and ``_figures``.
"""
