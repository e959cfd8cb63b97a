"""The house style for charts, and saving each chart as PNG and SVG with the plotted data as CSV beside it."""
from __future__ import annotations

from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from . import paths
from .files import atomic_path, write_csv

STYLE = {
    "figure.figsize": (8, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "svg.hashsalt": "newslens",  # fixed ids in the SVG, so a rerun writes the same bytes
    "svg.fonttype": "none",
}
PALETTE = ["#2f5d8a", "#d1793a", "#5b9a68", "#a9483f", "#7d6aa8", "#8c8c8c"]
# the negated and hypothetical flags beside a count (notebook 04's frames chart): black, white and light grey with
# hatching, so that no flag takes a colour the frames or kinds take in the charts around it (PALETTE)
FLAG_STYLE = {"all": {"color": "#d9d9d9"},
              "negated": {"color": "#1a1a1a"},
              "hypothetical": {"color": "white", "edgecolor": "#1a1a1a", "hatch": "////", "linewidth": 0.6}}

# codes the tables keep (audit kinds, the kind of a speaker named by a description), as a chart labels them; the CSV
# beside a chart keeps the codes. Only the columns in CODED are read through it.
LABELS = {
    "glued_sentence": "sentence end glued to the next",
    "lost_subject": "sentence that lost its subject",
    "fused_words": "words fused where text was cut",
    "doubled_punctuation": "doubled punctuation",
    "cut_sentence": "sentence cut off",
    "lost_speaker": "quotation that lost its speaker",
    "unbalanced_quotes": "unbalanced quotation mark",
    "not_article": "line that is not the article's",
    "long_quote": "quotation too long to take",
    "other": "description (no name)",
}
CODED = ("kind", "speaker_kind", "source_kind")


def use_house_style() -> None:
    """Apply the house style to every chart drawn after this call."""
    plt.rcParams.update(STYLE)
    plt.rcParams["axes.prop_cycle"] = matplotlib.cycler(color=PALETTE)


def axis_label(column: str) -> str:
    """A column name as an axis label in words: "speaker_kind" -> "speaker kind"."""
    return column.replace("_", " ")


def readable(value: object, column: str) -> object:
    """A value of `column` as a chart shows it: the code of a CODED column in words (LABELS), any other as it is."""
    return LABELS.get(value, value) if column in CODED else value


def articles_per(data: pd.DataFrame, key: str) -> dict[str, int]:
    """How many articles each value of `key` stands on, when the data says (an `articles` column), else nothing: a
    chart names them beside the value ("2022-08, n=14"), so that a share or rate of a few articles is seen as such."""
    if "articles" not in data.columns:
        return {}
    return {str(k): int(v) for k, v in data.groupby(key, sort=False)["articles"].first().items()}


def new_figure(title: str, xlabel: str, ylabel: str, n: int, unit: str = "",
               figsize: tuple[float, float] | None = None, top: tuple[int, int] | None = None) -> tuple[Figure, Axes]:
    """A figure and axes in the house style; the title states the question and the N (of what: `unit`). A chart of
    the first rows only gives `top`, (rows shown, N of all rows): the title then says 'top 12: 74 of 82 mentions'."""
    use_house_style()
    fig, ax = plt.subplots(figsize=figsize or STYLE["figure.figsize"])
    what = f"{' ' + unit if unit else ''}"
    ax.set_title(f"{title} (top {top[0]:,}: {n:,} of {top[1]:,}{what})" if top and top[1] > n else
                 f"{title} (N={n:,}{what})")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return fig, ax


def save_charts_for(article_path: Path) -> Path:
    """From now on, save charts where `paths.figures_folder` puts those of `article_path`; return that folder."""
    paths.FIGURES = paths.figures_folder(article_path)
    return paths.FIGURES


def save_figure(fig: Figure, name: str, data: pd.DataFrame, folder: Path | None = None) -> Path:
    """Save `fig` as NAME.png and NAME.svg with the plotted `data` as NAME.csv; return the PNG path."""
    folder = Path(folder or paths.FIGURES)
    if data.empty:  # an article with nothing of the kind: say so, instead of empty axes with ticks around zero
        for ax in fig.axes:
            ax.set_xticks([])
            ax.set_yticks([])
            ax.text(0.5, 0.5, "none found in this article", ha="center", va="center", transform=ax.transAxes)
    for suffix, metadata in ((".png", {"Software": None}), (".svg", {"Date": None, "Creator": None})):
        with atomic_path(folder / f"{name}{suffix}") as tmp:
            fig.savefig(tmp, format=suffix[1:], metadata=metadata)
    write_csv(data, folder / f"{name}.csv")
    return folder / f"{name}.png"


def bar_chart(data: pd.DataFrame, label: str, value: str, title: str, xlabel: str, name: str,
              n: int | None = None, unit: str = "", ylabel: str | None = None, top: int | None = None) -> Figure:
    """Horizontal bars of `value` per `label`, in the given order from the top, saved as NAME.
    N defaults to the sum of the values; `ylabel` (what the bars are, in words) defaults to `label` in words.
    `top` charts the first rows only, and the title says how much of the whole they show."""
    cut = (top, int(data[value].sum())) if top and len(data) > top else None
    data = data.head(top) if top else data
    height = max(2.5, 0.32 * len(data) + 1.2)
    total = int(data[value].sum()) if n is None else n
    fig, ax = new_figure(title, xlabel, ylabel or axis_label(label), total, unit, figsize=(8, height), top=cut)
    ordered = data.iloc[::-1]
    ax.barh(ordered[label].map(lambda v: readable(v, label)).astype(str), ordered[value], color=PALETTE[0])
    for y, v in enumerate(ordered[value]):
        ax.text(v, y, f" {v:g}", va="center", fontsize=8)
    ax.tick_params(axis="y", length=0)
    if pd.api.types.is_integer_dtype(data[value]):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 2.5 on the axis
    save_figure(fig, name, data)
    return fig


def grouped_bar_chart(data: pd.DataFrame, label: str, group: str, value: str, title: str, xlabel: str, name: str,
                      unit: str = "", ylabel: str | None = None) -> Figure:
    """Horizontal bars of `value` per `label`, one bar per `group` side by side, saved as NAME.
    N is the largest group's total; `ylabel` defaults to `label` in words."""
    wide = data.pivot_table(index=label, columns=group, values=value, aggfunc="sum", fill_value=0, sort=False)
    groups = list(dict.fromkeys(data[group]))
    wide = wide[groups].iloc[::-1]
    wide.index = wide.index.map(lambda v: readable(v, label))
    height = max(3.0, 0.28 * len(wide) * len(groups) + 1.5)
    n = int(data.groupby(group)[value].sum().max())
    fig, ax = new_figure(title, xlabel, ylabel or axis_label(label), n, unit, figsize=(8, height))
    bar = 0.8 / len(groups)
    for k, name_ in enumerate(groups):
        ys = [y + (len(groups) - 1 - k) * bar - 0.4 + bar / 2 for y in range(len(wide))]
        ax.barh(ys, wide[name_], height=bar, label=readable(name_, group),
                color=PALETTE[k % len(PALETTE)])
    ax.set_yticks(range(len(wide)), wide.index)
    ax.tick_params(axis="y", length=0)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(frameon=False, loc="lower right")
    save_figure(fig, name, data)
    return fig


def stacked_share_chart(data: pd.DataFrame, label: str, group: str, value: str, title: str, name: str,
                        n: int, unit: str = "", ylabel: str | None = None) -> Figure:
    """One horizontal bar per `label` (in the given order, from the top) split by `group` into shares of 100%,
    saved as NAME; `n` is what the shares are of; `ylabel` defaults to `label` in words."""
    wide = data.pivot_table(index=label, columns=group, values=value, aggfunc="sum", fill_value=0, sort=False)
    groups = list(dict.fromkeys(data[group]))
    wide = wide[groups]
    shares = wide.div(wide.sum(axis=1).where(lambda s: s > 0, 1), axis=0).iloc[::-1] * 100
    sizes = articles_per(data, label)
    shares.index = shares.index.map(lambda v: f"{readable(v, label)}, n={sizes[str(v)]:,}" if sizes
                                    else readable(v, label))
    fig, ax = new_figure(title, f"share of {axis_label(value)} (%)",
                         (ylabel or axis_label(label)) + (" (n: articles)" if sizes else ""), n, unit,
                         figsize=(8, max(2.5, 0.4 * len(wide) + 1.5)))
    left = pd.Series(0.0, index=shares.index)
    for k, name_ in enumerate(groups):
        ax.barh(shares.index.astype(str), shares[name_], left=left,
                label=readable(name_, group), color=PALETTE[k % len(PALETTE)])
        left += shares[name_]
    ax.set_xlim(0, 100)
    ax.tick_params(axis="y", length=0)
    ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.12 - 1.2 / fig.get_figheight() / 4),
              ncol=len(groups))
    save_figure(fig, name, data)
    return fig


def label_axes(fig: Figure, xlabel: str | None = None, ylabel: str | None = None,
               whole_numbers: bool = False) -> Figure:
    """Label the axes of a chart drawn elsewhere (a step's own plot) in words before it is saved; `whole_numbers`
    keeps fractions such as 2.5 off an x axis that counts."""
    for ax in fig.axes:
        if xlabel is not None:
            ax.set_xlabel(xlabel)
        if ylabel is not None:
            ax.set_ylabel(ylabel)
        if whole_numbers:
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    return fig


def line_chart(data: pd.DataFrame, x: str, group: str, value: str, title: str, xlabel: str, ylabel: str,
               name: str, n: int, unit: str = "") -> Figure:
    """One line of `value` over `x` (in the given order) per `group`, saved as NAME; `n` is stated in the title."""
    sizes = articles_per(data, x)
    fig, ax = new_figure(title, xlabel + (" (n: articles)" if sizes else ""), ylabel, n, unit)
    xs = list(dict.fromkeys(data[x].astype(str)))
    for k, (name_, rows) in enumerate(data.groupby(group, sort=False)):
        ys = rows.set_index(rows[x].astype(str))[value].reindex(xs, fill_value=0)
        ax.plot(xs, ys.values, marker="o", label=readable(name_, group),
                color=PALETTE[k % len(PALETTE)])
    if sizes:
        ax.set_xticks(range(len(xs)), [f"{v}\nn={sizes[v]:,}" for v in xs])
    ax.set_ylim(bottom=0)
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    save_figure(fig, name, data)
    return fig
