"""The command line: `python -m newslens analyse FILE --out DIR`, `report FILE --out DIR`, `corpus INPUT --out DIR`,
`execute NOTEBOOK...`, `html NOTEBOOK...`, `evaluate`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .article import ArticleError


def _analyse(args: argparse.Namespace) -> None:
    # Imported here: `--help` and the other commands start without loading pandas and the NLP packages.
    from .article import load_article
    from .tables import analyse, check_out_folder, write_tables
    from .webpage import is_web_page

    check_out_folder(args.out)  # before the analysis: a wrong --out is told at once
    article = load_article(args.file, args.encoding)
    # A saved web page's extracted text is kept beside the tables: every offset points into it.
    for path in write_tables(analyse(article), args.out, article if is_web_page(args.file) else None):
        print(path)


FILE_HELP = ("article file: ' date YYYY-MM title' header, blank line, body; or plain text; or a news page saved "
             "from a browser as .html/.htm (its main text is extracted and kept as article.txt)")
ENCODING_HELP = "the file's text encoding when it is not UTF-8, e.g. latin-1 or utf-16"


def _corpus(args: argparse.Namespace) -> None:
    from .corpus import run

    if args.workers is not None and args.workers < 1:
        raise ValueError("--workers must be at least 1")
    sizes = {} if args.partition_size is None else {"partition_size": args.partition_size}  # else corpus's own
    report = run(args.input, args.out, workers=args.workers, scheduler=args.scheduler, **sizes)
    rate = (report.analysed / report.seconds) if report.seconds else 0.0
    print(f"{report.articles:,} articles: {report.analysed:,} analysed in {report.seconds:.1f} s ({rate:.1f} a second), "
          f"{report.skipped:,} already done, {report.failed:,} failed"
          + (f" (see the error column of {report.out / 'articles.csv'})" if report.failed else ""))
    print(f"tables: {report.out}/<table>/ (Parquet); summary: {report.out / 'summary'}/")


def _corpus_record(args: argparse.Namespace) -> None:
    from .corpora import record

    for path in record(workers=args.workers):
        print(path)


def _html(args: argparse.Namespace) -> None:
    from .export import export_html

    for path in args.notebooks:
        print(export_html(path, args.out))


def _execute(args: argparse.Namespace) -> None:
    from tqdm import tqdm

    from .runner import execute_in_place

    for path in tqdm(args.notebooks, desc="notebooks", unit="nb"):
        tqdm.write(f"executing {path}")
        execute_in_place(path)


def _report(args: argparse.Namespace) -> None:
    from .report import build

    print(build(args.file, args.out, args.encoding) / "index.html")


def _evaluate(args: argparse.Namespace) -> None:
    from .evaluate import default_sources, run
    from .ggt_eval import is_ggt_file, run as run_ggt

    if args.record:
        from .measure import record

        for path in record():
            print(path)
        return
    sources = args.annotations or default_sources()
    if not sources:
        raise ValueError("no annotations given, and none found under data/annotations/ or ../shared/polnear/")
    ggt = [s for s in sources if is_ggt_file(s)]
    rest = [s for s in sources if s not in ggt]
    if rest:
        run(rest, speech_only=not args.all_cues, limit=args.limit, out=args.out)
    for source in ggt:
        run_ggt(source, limit=args.limit, out=args.out)
    if not args.annotations:
        _evaluate_stance(args.out)


def _evaluate_stance(out: Path | None) -> None:
    """The stance reports beside the quote report: the hand-judged stance uses of the tuning set, then of the check
    set, each on its own, when they and their texts are here."""
    from . import stance_eval
    from .files import write_csv

    if not stance_eval.available():
        print(f"\nstance: skipped (no annotation in {stance_eval.FOLDER} or {stance_eval.CHECK_FOLDER}, or no "
              f"{stance_eval.CORPUS} in the shared data)")
        return
    for name, files in stance_eval.annotation_sets().items():
        check = name == stance_eval.CHECK_DATASET
        tables = stance_eval.evaluate(files)
        print(f"\n== stance{', check set' if check else ''} ==\n" + stance_eval.report(tables))
        if out is not None:
            for key in ("summary", "rows"):
                write_csv(tables[key], Path(out) / f"stance{'-check' if check else ''}-{key}.csv")


def parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    top = argparse.ArgumentParser(prog="python -m newslens", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)

    p = sub.add_parser("analyse", help="analyse one article file and write its tables as CSV")
    p.add_argument("file", type=Path, help=FILE_HELP)
    p.add_argument("--out", required=True,
                   help="folder for the CSV tables (replaced whole when it holds earlier tables; written only if all "
                        "goes well)")
    p.add_argument("--encoding", help=ENCODING_HELP)
    p.set_defaults(run=_analyse)

    p = sub.add_parser("report", help="run every notebook for one article: pages, figures, tables and an index page")
    p.add_argument("file", type=Path, help=FILE_HELP)
    p.add_argument("--out", required=True,
                   help="folder for the report (replaced if it holds an earlier report; written only if all goes well)")
    p.add_argument("--encoding", help=ENCODING_HELP)
    p.set_defaults(run=_report)

    p = sub.add_parser("corpus", help="analyse many articles on Dask: Parquet tables, summary CSVs, articles.csv")
    p.add_argument("input", type=Path,
                   help="a folder of .txt article files, or a JSONL file (id, text; optional title, date, outlet, url)")
    p.add_argument("--out", required=True,
                   help="folder for the results; a rerun into it skips the articles already analysed")
    p.add_argument("--workers", type=int, help="local worker processes (default: the number of cores)")
    p.add_argument("--scheduler", help="address of a running dask.distributed scheduler (tcp://host:8786) to run "
                                       "on instead of local processes; its workers must see INPUT and --out")
    p.add_argument("--partition-size", type=int, help="articles per partition (default: 25)")
    p.set_defaults(run=_corpus)

    p = sub.add_parser("corpus-record", help="run the corpus command on the clean Russia-Ukraine 2022 articles of "
                                             "../shared and record the aggregates in data/corpus/ (`make corpus`)")
    p.add_argument("--workers", type=int, help="local worker processes (default: the number of cores)")
    p.set_defaults(run=_corpus_record)

    p = sub.add_parser("evaluate", help="score the quote finder against annotations (PolNeAR or GGT .jsonl, or quotes.csv), "
                                        "and the stance step against data/annotations/stance/*.csv and, apart, the "
                                        "check set data/annotations/stance_check/*.csv")
    p.add_argument("annotations", type=Path, nargs="*",
                   help="PolNeAR- or GenderGapTracker-format .jsonl files or project quotes.csv files "
                        "(article: data/articles/<folder>.txt); "
                        "default: data/annotations/*/quotes.csv and ../shared/polnear/polnear_dev.jsonl, then the stance "
                        "reports on data/annotations/stance/*.csv and, apart, stance_check/*.csv")
    p.add_argument("--all-cues", action="store_true", help="score every PolNeAR attribution, not only speech cues")
    p.add_argument("--limit", type=int, help="read only the first N records of each .jsonl file")
    p.add_argument("--out", help="also write the result tables as CSV into this folder")
    p.add_argument("--record", action="store_true",
                   help="score every research data set that is here and record the figures in data/evaluation/ "
                        "(what `make evaluate` runs; the notebooks and README read them)")
    p.set_defaults(run=_evaluate)

    p = sub.add_parser("execute", help="execute notebooks top to bottom in place, keeping outputs")
    p.add_argument("notebooks", type=Path, nargs="+")
    p.set_defaults(run=_execute)

    p = sub.add_parser("html", help="export notebooks as stand-alone HTML pages, figures embedded")
    p.add_argument("notebooks", type=Path, nargs="+")
    p.add_argument("--out", default="html", help="folder for the pages (default: html)")
    p.set_defaults(run=_html)
    return top


def main(argv: list[str] | None = None) -> int:
    """Run the command line; a bad input file ends with a one-line message, not a traceback."""
    args = parser().parse_args(argv)
    try:
        if getattr(args, "out", None) is not None:
            if not args.out.strip():  # Path("") would be the current folder
                raise ValueError("--out: the folder name is empty")
            args.out = Path(args.out)
        args.run(args)
    except (ArticleError, RuntimeError, ValueError) as err:
        print(f"newslens: {err}", file=sys.stderr)
        return 1
    except OSError as err:  # whatever the steps above did not foresee still ends in one line naming the file
        print(f"newslens: {err.filename or args.command}: {err.strerror or err}", file=sys.stderr)
        return 1
    return 0
