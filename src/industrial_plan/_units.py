"""The path by which pickles name the package's quantities.

A pickled quantity is rebuilt by ``industrial_plan._units._quantity_from_pickle``
(see :mod:`._money.units`).  That was the module's path before the package was
laid out in wings, and pickles written then name it: it stays, so they load.
"""

from __future__ import annotations

from ._money.units import _quantity_from_pickle

__all__ = ["_quantity_from_pickle"]
