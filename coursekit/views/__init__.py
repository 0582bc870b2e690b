"""Chapter-specific charts and explorer views: one module per chapter, beside ``answers/<chapter>.py``.

The notebooks hold the teaching; the drawing lives here, in small named functions with doctests, so
that a notebook cell reads as one step (``growth_chart(table1)``) with prose around it. Each function
takes the data frames the notebook has loaded and returns what the page shows: a
:class:`coursekit.charts.Figure` (drawn inside :func:`coursekit.charts.styled`), HTML text, or a widget.
"""
