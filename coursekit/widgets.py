"""Widgets that keep working in the static book, where there is no Python kernel.

A reader of the HTML book has no kernel, so Python callbacks (``interact``, ``observe``) would leave
dead controls. :func:`explorer` therefore renders every view in advance and links the control to an
ipywidgets ``Stack`` with ``jslink``, which runs in the browser: choosing an option shows its view,
in JupyterLab and in the built book alike.

    >>> box = explorer({"1948": "<p>...</p>", "1967": "<p>...</p>"}, label="Turning point")
    >>> picker, views = box.children
    >>> picker.options, len(views.children)
    (('1948', '1967'), 2)
"""

from __future__ import annotations

import html as _html
from collections.abc import Callable, Mapping

import ipywidgets as widgets

from .figlabels import attributes, labels_in
from .lang import mark_languages

MAX_VIEWS = 60  # every view is embedded in the page: keep pages light


class Explorer(widgets.VBox):
    """The explorer's box. Besides the widget, its output carries a short HTML stand-in naming the
    numbered figures it shows: JupyterLab and the book draw the widget, while a viewer without
    widgets (or a notebook reopened without its widget state) shows the stand-in, and the book's
    build reads the figure labels from it (see coursekit.figrefs)."""

    figures: tuple[tuple[str, str], ...] = ()  # (label, number), in order of first appearance

    def _repr_mimebundle_(self, **kwargs):
        data = super()._repr_mimebundle_(**kwargs)
        if self.figures:
            named = ", ".join(f"<span{attributes(label, number)}>Figure {number}</span>"
                              for label, number in self.figures)
            data["text/html"] = f"<p class='ck-explorer-fallback'>Interactive explorer showing {named}: " \
                                "run the notebook to use it.</p>"
        return data


def _as_widget(view) -> widgets.Widget:
    if isinstance(view, widgets.Widget):
        return view
    if hasattr(view, "_repr_html_"):
        return widgets.HTML(mark_languages(view._repr_html_()))
    if isinstance(view, str):
        return widgets.HTML(mark_languages(view))
    raise TypeError(f"a view must be HTML text, a Figure or a widget, not {type(view).__name__}")


def explorer(
    views: Mapping[str, object] | None = None,
    *,
    options: list[str] | None = None,
    render: Callable[[str], object] | None = None,
    label: str = "Choose",
    control: str = "dropdown",
    value: str | None = None,
) -> Explorer:
    """A control plus one pre-rendered view per option, switched in the browser.

    Give either ``views`` (option label -> HTML, Figure or widget) or ``options`` with a
    ``render`` function that makes the view of one option. ``control`` is ``"dropdown"``,
    ``"buttons"`` (toggle buttons) or ``"slider"`` (a selection slider, for ordered options).
    """
    if views is None:
        if options is None or render is None:
            raise ValueError("give either views, or options and render")
        views = {option: render(option) for option in options}
    labels = list(views)
    if not labels:
        raise ValueError("an explorer needs at least one option")
    if len(labels) > MAX_VIEWS:
        raise ValueError(f"{len(labels)} views is too many to embed in a page (limit {MAX_VIEWS})")
    start = labels.index(value) if value is not None else 0
    common = dict(options=labels, value=labels[start], description=label,
                  style={"description_width": "initial"})
    if control == "dropdown":
        picker = widgets.Dropdown(**common, layout=widgets.Layout(width="max-content"))
    elif control == "buttons":
        picker = widgets.ToggleButtons(**common)
    elif control == "slider":
        picker = widgets.SelectionSlider(**common, continuous_update=True,
                                         layout=widgets.Layout(width="95%"))
    else:
        raise ValueError(f"control must be 'dropdown', 'buttons' or 'slider', not {control!r}")
    stack = widgets.Stack([_as_widget(views[k]) for k in labels], selected_index=start)
    widgets.jslink((picker, "index"), (stack, "selected_index"))
    box = Explorer([picker, stack])
    box.add_class("ck-explorer")
    found = [pair for view in stack.children if isinstance(view, widgets.HTML) for pair in labels_in(view.value)]
    box.figures = tuple(dict.fromkeys(found))
    return box


def table(frame, caption: str = "") -> str:
    """A data frame as a compact HTML table for a view (no index; missing values shown as a dash)."""
    head = f"<p><strong>{_html.escape(caption)}</strong></p>" if caption else ""
    return head + frame.to_html(index=False, border=0, classes="ck-check-table", na_rep="–")


def card(title: str, rows: list[tuple[str, str]], note: str = "") -> str:
    """A small HTML card: a title and label/value rows (values may hold simple HTML)."""
    body = "".join(
        f"<tr><th scope='row'>{_html.escape(k)}</th><td>{v}</td></tr>" for k, v in rows
    )
    foot = f"<p class='ck-card-note'>{note}</p>" if note else ""
    return (
        f"<div class='ck-card'><h4 class='ck-card-title'>{_html.escape(title)}</h4>"
        f"<table class='ck-card-table'>{body}</table>{foot}</div>"
    )
