"""BENCHMARKS.md judges every target on the figures, and says so when a figure is missing."""

from bench.report import Report, carried_over, sections


def figures(rps, ceilings=None, own=None):
    return [
        {"rps": value, "p50_ms": 10.0, "p99_ms": 20.0, "errors": 0}
        | ({"ceiling_rps": ceilings[n]} if ceilings else {})
        | ({"own_ceiling_rps": own[n]} if own else {})
        for n, value in enumerate(rps)
    ]


def results(page_rps, ceiling_rps, quick=False, own_rps=None):
    """Each page measurement follows one of the plain ceiling, whose requests/s it carries,
    and the round's own-template ceiling."""
    run = {
        "figures": {
            "ceiling": figures(ceiling_rps),
            "bare": figures([1000] * len(page_rps)),
            "list": figures(page_rps, ceiling_rps, own_rps),
        },
        "preflight": {"ceiling": {"status": 200}, "list": {"status": 200}},
        "workers": 2,
    }
    return {
        "plan": {"quick": quick, "rounds": len(page_rps), "duration": 6, "notes": []},
        "pages": {
            "database": "encontact_bench",
            "engine": "postgresql",
            "load_tool": "wrk",
            "cache_backend": "Redis",
            "plan": {
                "ceiling_url": "/bench/ceiling/",
                "pages": [{"name": "list", "label": "Article list", "url": "/articles/"}],
            },
            "modes": {"uncached": run, "cached": run},
        },
    }


def verdict_of(report_text, target_start):
    line = next(line for line in report_text.splitlines() if line.startswith(f"| {target_start}"))
    return line.rsplit("|", 2)[-2].strip()


def test_a_list_at_thirty_percent_of_the_plain_ceiling_does_not_meet_its_target():
    text = Report(results([30, 30, 30], [100, 100, 100])).render()
    assert verdict_of(text, "Article list: ≥ 35 % of the plain ceiling") == "**not met**"


def test_the_ratio_to_the_own_template_ceiling_is_shown_beside_the_headline():
    text = Report(results([40, 40, 40], [100, 100, 100], own_rps=[50, 50, 50])).render()
    assert "| 40 % (40–40 %) | 80 % (80–80 %) |" in text


def test_the_ratio_is_taken_against_the_ceiling_measured_right_before_the_page():
    text = Report(results([60, 30, 45], [100, 50, 100])).render()
    assert "60 % (45–60 %)" in text


def test_a_quick_run_shows_its_figures_without_judging_them():
    text = Report(results([95], [100], quick=True)).render()
    assert verdict_of(text, "Article list, page cache on") == "not judged (quick run)"


def test_a_step_that_did_not_run_is_reported_as_not_measured():
    text = Report({"plan": {"quick": False, "notes": []}}).render()
    assert verdict_of(text, "Import of 10,000 files on PostgreSQL") == "not measured"


def query_counts(**per_dataset):
    """The `queries` step's answer: dataset name → (engine, articles, search page's queries)."""
    return {
        name: {
            "database": name,
            "engine": engine,
            "articles": articles,
            "counts": {"list": {"queries": 4}, "search": {"queries": search}},
        }
        for name, (engine, articles, search) in per_dataset.items()
    }


def test_query_counts_are_compared_between_sizes_of_one_engine():
    """PostgreSQL's search reads the archive's size first: engines differ, each engine's sizes
    agree."""
    plan = {"plan": {"quick": False, "notes": []}}
    same = query_counts(
        sqlite=("sqlite", 10_000, 5),
        pg_small=("postgresql", 10_000, 7),
        pg=("postgresql", 100_000, 7),
    )
    growing = query_counts(pg_small=("postgresql", 10_000, 7), pg=("postgresql", 100_000, 8))

    verdicts = [
        verdict_of(Report(plan | {"queries": answer}).render(), "Public pages: query count")
        for answer in (same, growing)
    ]

    assert verdicts == ["**met**", "**not met**"]


def search_answer(p95_ms):
    run = {
        "queries": 1,
        "p50_ms": 10.0,
        "p95_ms": p95_ms,
        "count_p95_ms": 5.0,
        "page_p95_ms": 5.0,
        "with_results": 1,
        "highlighted": 1,
        "ranked": True,
        "slowest": [],
    }
    return {"queries": ["relation"], "postgresql": {"articles": 100_000, "runs": [run]}}


SEARCH_TARGET = "Search, postgresql, 100,000 articles: p95 < 50 ms"


def test_a_partial_run_keeps_the_previous_sections_and_targets_of_the_steps_it_did_not_run():
    """`--only search` on a machine without the earlier results (bench-data is not in git)."""
    previous = Report(results([40, 40, 40], [100, 100, 100]) | {"search": search_answer(60)})
    previous_text = previous.render()
    partial = {"plan": {"quick": False, "notes": []}, "search": search_answer(30)}

    text = carried_over(Report(partial).render(), previous_text)

    assert (
        sections(text)["## Pages under load"],
        verdict_of(text, "Article list: ≥ 35 % of the plain ceiling"),
        verdict_of(text, SEARCH_TARGET),
        "> Sections of steps missing from this machine's results are the previous report's" in text,
    ) == (sections(previous_text)["## Pages under load"], "**met**", "**met**", True)


def test_a_run_that_measured_every_step_carries_nothing_over():
    previous = Report(results([40, 40, 40], [100, 100, 100]) | {"search": search_answer(60)})
    again = Report(results([30, 30, 30], [100, 100, 100]) | {"search": search_answer(30)}).render()

    assert carried_over(again, previous.render()) == again


def test_a_quick_run_never_carries_a_full_runs_sections():
    previous = Report(results([40, 40, 40], [100, 100, 100]))
    quick = Report({"plan": {"quick": True, "notes": []}, "search": search_answer(30)}).render()

    assert carried_over(quick, previous.render()) == quick
