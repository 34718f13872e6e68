"""Reports in words: both languages have every text, and the summary says what the figures say."""

from __future__ import annotations

import string
from dataclasses import replace
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from pos_loyalty.reports import Period
from pos_loyalty.reports.model import Kpis, Report, Split
from pos_loyalty.reports.texts import TEXTS, summary


def test_every_text_exists_in_both_languages_with_the_same_blanks():
    assert set(TEXTS["en"]) == set(TEXTS["de"])
    for key, english in TEXTS["en"].items():
        german = TEXTS["de"][key]
        assert german.strip() and english.strip(), key
        blanks = [{name for _, name, _, _ in string.Formatter().parse(t) if name} for t in (english, german)]
        assert blanks[0] == blanks[1], key
    plural_pairs = {k.rsplit(".", 1)[0] for k in TEXTS["en"] if k.endswith((".one", ".other"))}
    for stem in plural_pairs:
        assert f"{stem}.one" in TEXTS["en"] and f"{stem}.other" in TEXTS["en"], stem


def _report(now: datetime = datetime(2026, 3, 20, 11, 7, tzinfo=timezone.utc), **kpis) -> Report:
    """March, as build() makes it at `now` (by default the 20th, 12:07 in Berlin: compared with 1-20 Feb)."""
    march = Period.named("month", date(2026, 3, 10))
    this = Kpis(members_enrolled=34, active_members=812, visits=Split(1000, 234), revenue=Split(1_200_000, 343_210),
                first_reward_cohort=50, first_reward_reached=29, first_reward_share=0.58, **kpis)
    before = Kpis(members_enrolled=22, visits=Split(1000, 100), revenue=Split(1_300_000, 129_000))
    return Report(period=march, shop_id=None, shop_name="", program_name="Café", currency="EUR",
                  timezone="Europe/Berlin", generated_at=now, as_of=now, inactive_days=60, kpis=this, previous=before,
                  compared=march.comparison(now.astimezone(ZoneInfo("Europe/Berlin"))), members_total=1530,
                  inactive_count=41)


def test_summary_in_english():  # a running month is compared with the same days of the one before
    assert summary(_report(), "en") == (
        "34 new members this month, 12 more than in Feb 1\u2009–\u200920, 2026, up to 12:00\u202fPM; 58% reached a "
        "first reward within 90 days. 1,234 visits brought €15,432.10, 8% more than in Feb 1\u2009–\u200920, 2026, up to "
        "12:00\u202fPM. 812 of 1,530 members visited in the last 90 days. 41 members have not come for 60 days or "
        "more.")


def test_summary_in_german():  # babel keeps "58 %" and "12,50 €" together with no-break spaces
    assert summary(_report(first_reward_pending=1), "de") == (
        "34 neue Mitglieder in diesem Monat, 12 mehr als im Zeitraum 1.–20. Feb. 2026, bis 12:00 Uhr; 58\u00a0% "
        "erreichten innerhalb von 90 Tagen eine erste Prämie (1 hat noch Zeit). 1.234 Besuche brachten "
        "15.432,10\u00a0€, 8\u00a0% mehr als im Zeitraum 1.–20. Feb. 2026, bis 12:00 Uhr. 812 von 1.530 "
        "Mitgliedern kamen in den letzten 90 Tagen. 41 Mitglieder kamen seit 60 Tagen oder länger nicht mehr.")


def test_summary_on_a_day_february_does_not_have_compares_with_all_of_february():
    report = _report(datetime(2026, 3, 30, 9, tzinfo=timezone.utc))
    assert "12 more than last month" in summary(report, "en")
    assert "12 mehr als im Vormonat" in summary(report, "de")


def test_summary_of_a_past_period_names_it():
    report = _report(datetime(2026, 5, 2, tzinfo=timezone.utc))
    text = summary(report, "en")
    assert text.startswith("34 new members in March 2026, 12 more than in February 2026;")
    assert "im Zeitraum März 2026" in summary(report, "de")


@pytest.mark.parametrize("lang", ["en", "de"])
def test_summary_of_an_empty_period(lang):
    now = datetime(2026, 3, 20, 11, 20, tzinfo=timezone.utc)
    today = Period.named("today", date(2026, 3, 20))
    empty = Report(period=today, shop_id=None, shop_name="", program_name="Café",
                   currency="EUR", timezone="Europe/Berlin", generated_at=now, as_of=now, inactive_days=60,
                   kpis=Kpis(), previous=Kpis(members_enrolled=3),
                   compared=today.comparison(now.astimezone(ZoneInfo("Europe/Berlin"))))
    words = {"en": ("0 new members today, 3 fewer than on Mar 19, 2026, up to 12:15\u202fPM.", "No visits today."),
             "de": ("0 neue Mitglieder heute, 3 weniger als am 19. März 2026, bis 12:15 Uhr.",
                    "Keine Besuche heute.")}[lang]
    assert summary(empty, lang) == " ".join(words)


def test_one_new_member_and_fewer_visits():
    whole = _report(datetime(2026, 3, 31, 20, tzinfo=timezone.utc))  # 31 March: all of February
    report = replace(whole, kpis=replace(whole.kpis, members_enrolled=1, visits=Split(1, 0),
                                             revenue=Split(1250, 0), first_reward_cohort=0))
    assert summary(report, "en").startswith("1 new member this month, 21 fewer than last month. 1 visit brought "
                                            "€12.50, 100% less than last month.")
    assert summary(report, "de").startswith("1 neues Mitglied in diesem Monat, 21 weniger als im Vormonat. 1 Besuch "
                                            "brachte 12,50\u00a0€, 100\u00a0% weniger als im Vormonat.")
