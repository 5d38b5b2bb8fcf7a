"""The client's Plan tab and its parts, one idea a module: ``tab`` (the tab that ties
them together), ``plan_data`` (what one reload reads), ``plan_bar`` (which plan, its
status and moves), ``item_page`` with ``goals_model`` and ``flows_model``, the
allocation (``allocation_model``, ``allocation_panel``, ``trades_model``), the products
(``recommendations_model``, ``recommendations_panel``, ``candidates_model``,
``product_dialog``), the projection (``projection_runner``, ``projection_panel``,
``projection_chart``), the dialogs (``plan_dialogs``, ``item_dialogs``), ``notes_page``,
``banner`` and ``words``.

Why it is shaped so: the editor is large, and each part changes for its own reasons
(the gate's verdicts, the bands, the chart), so each lives alone and the tab only
routes data and signals between them.
"""
