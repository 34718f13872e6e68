"""The four sample programs behave exactly as their files say, driven through the real `pos-loyalty` command.

Every call is a subprocess (`python -m pos_loyalty ... --json`) on the test's own data folder; every booking has an
explicit `--at` (no offset = shop time, Europe/Berlin), so the numbers are exact and do not depend on today.
"""

from __future__ import annotations


def earned(receipt: dict) -> tuple[int, int, int]:
    e = receipt["earned"]
    return e["stamps"], e["points"], e["cashback"]


def bonus_names(receipt: dict) -> list[str]:
    return [b["name"] for b in receipt["earned"]["bonuses"]]


def assert_ledger_ok(shop) -> None:
    report = shop.run("check")
    assert report["ok"] is True and report["mismatched_balances"] == [], report


# ---- café: a stamp card, one stamp per Berlin calendar day from 2.50 ----


def test_cafe_one_stamp_per_berlin_day_from_2_50_and_ten_stamps_buy_a_coffee(cli_shop):
    shop = cli_shop("cafe")
    card_size = shop.enrolled["balance"]["card_size"]
    assert card_size == 10

    r = shop.checkout("2.49", "2026-01-15T10:00")  # below the minimum: no stamp
    assert (r["kind"], earned(r), r["balance"]["stamps"]) == ("purchase", (0, 0, 0), 0)
    r = shop.checkout("2.50", "2026-01-15T23:30")  # exactly the minimum, late on the 15th (Berlin)
    assert (earned(r)[0], r["balance"]["stamps"]) == (1, 1)
    r = shop.checkout("5.00", "2026-01-16T00:30")  # one hour later, but the 16th in Berlin: a new day
    assert (earned(r)[0], r["balance"]["stamps"]) == (1, 2)
    r = shop.checkout("3.00", "2026-01-16T12:00")  # second purchase on the 16th: capped
    assert (earned(r)[0], r["balance"]["stamps"]) == (0, 2)
    r = shop.checkout("3.00", "2026-01-16T23:30:00Z")  # 23:30 UTC in winter = 00:30 on the 17th in Berlin
    assert (earned(r)[0], r["balance"]["stamps"]) == (1, 3)
    # Summer time: Berlin is UTC+2, so 21:30 UTC is 23:30 on 3 July and 22:30 UTC is 00:30 on 4 July.
    r = shop.checkout("3.00", "2026-07-03T21:30:00Z")
    assert (earned(r)[0], r["balance"]["stamps"]) == (1, 4)
    r = shop.checkout("3.00", "2026-07-03T22:30:00Z")
    assert (earned(r)[0], r["balance"]["stamps"]) == (1, 5)

    for day in range(10, 14):  # four more days: 9 stamps, not yet a full card
        r = shop.checkout("3.20", f"2026-07-{day}T09:00+02:00")
        assert earned(r)[0] == 1
    assert (r["balance"]["stamps"], r["balance"]["rewards_available"]) == (9, [])

    r = shop.checkout("3.20", "2026-07-14T09:00")
    assert (r["balance"]["stamps"], r["balance"]["rewards_available"]) == (10, ["free-coffee"])
    r = shop.run("redeem", "--card", shop.card, "--reward", "free-coffee", "--at", "2026-07-14T09:01")
    assert (r["kind"], earned(r)) == ("redeem", (-10, 0, 0))
    assert (r["balance"]["stamps"], r["balance"]["rewards_available"]) == (0, [])
    assert_ledger_ok(shop)


def test_cafe_void_takes_the_stamp_back_and_frees_the_day(cli_shop):
    shop = cli_shop("cafe")
    first = shop.checkout("3.00", "2026-02-02T09:00")
    assert (earned(first), first["balance"]["stamps"]) == ((1, 0, 0), 1)

    undone = shop.run("void", first["event_id"], "--at", "2026-02-02T09:02")
    assert (earned(undone), undone["balance"]["stamps"]) == ((-1, 0, 0), 0)

    # The voided purchase no longer counts toward today's cap: the next one that day earns the stamp.
    again = shop.checkout("3.00", "2026-02-02T15:00")
    assert (earned(again), again["balance"]["stamps"]) == ((1, 0, 0), 1)
    assert_ledger_ok(shop)


# ---- boutique: points per euro x tier multiplier, tiers by 365-day spend, FIFO expiry, birthday bonus ----


def test_boutique_points_are_floor_of_exact_amount_times_tier_multiplier(cli_shop):
    shop = cli_shop("boutique")

    def after(receipt):  # the receipt's balance is as of the booking's --at time
        return receipt["balance"]["points"], receipt["balance"]["tier"]

    r = shop.checkout("19.99", "2025-01-10T10:00")  # Bronze x1: floor(19.99) = 19
    assert (earned(r), r["tier_change"]) == ((0, 19, 0), None)
    r = shop.checkout("480.01", "2025-01-10T11:00")  # still Bronze before it (19.99); spend reaches 500.00 exactly
    assert (earned(r), r["tier_change"]) == ((0, 480, 0), "Bronze → Silver")
    r = shop.checkout("9.99", "2025-02-01T10:00")  # Silver: floor(9.99 x 1.25 = 12.4875) = 12, not floor(9) x 1.25
    assert (earned(r), r["tier_change"]) == ((0, 12, 0), None)
    r = shop.checkout("990.01", "2025-02-01T11:00")  # Silver: floor(1237.5125); spend reaches 1500.00 exactly
    assert (earned(r), r["tier_change"]) == ((0, 1237, 0), "Silver → Gold")
    r = shop.checkout("6.99", "2025-02-02T10:00")  # Gold: floor(6.99 x 1.5 = 10.485) = 10
    assert (earned(r), r["tier_change"]) == ((0, 10, 0), None)
    assert after(r) == (19 + 480 + 12 + 1237 + 10, "Gold")

    # 366 days after the January purchases only the February ones (1006.99) are in the window: Silver.
    # The January lots (19 + 480) expired on 2026-01-10.
    r = shop.checkout("100.00", "2026-01-11T10:00")
    assert earned(r) == (0, 125, 0)
    assert after(r) == (12 + 1237 + 10 + 125, "Silver")
    # After 2026-02-02 the window holds only that 100.00: Bronze; the February lots have expired too.
    r = shop.checkout("1.00", "2026-02-03T10:00")
    assert (earned(r), r["tier_change"]) == ((0, 1, 0), None)
    assert after(r) == (125 + 1, "Bronze")


def test_boutique_receipt_balance_is_as_of_the_booking_time(cli_shop):
    """A receipt booked --at T shows the balance after the booking at T: the points it just earned (nothing has
    expired at T) and the tier it just announced, not what the wall clock would make of them."""
    shop = cli_shop("boutique")
    r = shop.checkout("600.00", "2024-05-01T10:00")
    assert (earned(r), r["tier_change"]) == ((0, 600, 0), "Bronze → Silver")
    assert (r["balance"]["points"], r["balance"]["tier"]) == (600, "Silver"), r["balance"]


def test_boutique_points_expire_365_days_after_earning_oldest_first(cli_shop):
    shop = cli_shop("boutique")
    t0 = shop.checkout("150.00", "2025-01-10T10:00")
    t1 = shop.checkout("80.00", "2025-06-01T10:00")
    assert (earned(t0)[1], earned(t1)[1]) == (150, 80)

    spent = shop.run("redeem", "--card", shop.card, "--reward", "ten-off", "--at", "2025-07-01T10:00")
    assert (spent["kind"], earned(spent), spent["balance"]["points"]) == ("redeem", (0, -100, 0), 130)
    # Oldest first: the 100 came out of the t0 lot (150 -> 50); the t1 lot still holds 80.

    before = shop.run("expire", "--at", "2026-01-10T09:59")  # one minute before t0 + 365 days
    assert (before["points_expired"], before["customers"]) == (0, 0)

    # After t0's expiry the customer has only 80 points: the redemption is refused (and books nothing).
    refused = shop.run("redeem", "--card", shop.card, "--reward", "ten-off", "--at", "2026-01-10T10:30", ok=False)
    assert refused["error"]["code"] == "insufficient_balance"
    assert "80" in refused["error"]["message"]

    nightly = shop.run("expire", "--at", "2026-01-10T12:00")
    assert (nightly["points_expired"], nightly["customers"]) == (50, 1)  # only the rest of the t0 lot

    later = shop.run("expire", "--at", "2026-06-02T10:00")  # after t1 + 365 days: the t1 lot, whole
    assert (later["points_expired"], later["customers"]) == (80, 1)
    assert shop.run("balance", "--card", shop.card)["points"] == 0


def test_boutique_voided_redemption_gives_the_points_back_with_their_original_expiry(cli_shop):
    """Undoing a redemption restores the points it spent; they were earned on t0, so they still expire at t0 + 365
    days, not 365 days after the void."""
    shop = cli_shop("boutique")
    shop.checkout("150.00", "2025-01-10T10:00")
    spent = shop.run("redeem", "--card", shop.card, "--reward", "ten-off", "--at", "2025-01-11T10:00")
    undone = shop.run("void", spent["event_id"], "--at", "2025-01-12T10:00")
    assert earned(undone) == (0, 100, 0)
    run = shop.run("expire", "--at", "2026-01-10T12:00")  # t0 + 365 days have passed
    assert run["points_expired"] == 150, run


def test_boutique_birthday_bonus_once_a_year_within_7_days_and_again_after_a_void(cli_shop):
    shop = cli_shop("boutique")
    bea = shop.run("customer", "enroll", "--name", "Bea", "--birthday", "1990-03-15")
    card = bea["card"]

    r = shop.checkout("20.00", "2025-03-07T12:00", card=card)  # 8 days before: no bonus
    assert (earned(r), bonus_names(r)) == ((0, 20, 0), [])
    r = shop.checkout("20.00", "2025-03-08T12:00", card=card)  # 7 days before: the bonus
    assert (earned(r), bonus_names(r)) == ((0, 70, 0), ["Birthday"])
    assert r["earned"]["bonuses"][0]["points"] == 50
    with_bonus = r["event_id"]
    r = shop.checkout("20.00", "2025-03-15T12:00", card=card)  # on the day, but already given this year
    assert (earned(r), bonus_names(r)) == ((0, 20, 0), [])

    undone = shop.run("void", with_bonus, "--at", "2025-03-15T12:05")
    assert (earned(undone), undone["balance"]["points"]) == ((0, -70, 0), 20 + 20)  # purchase and bonus

    r = shop.checkout("20.00", "2025-03-22T12:00", card=card)  # 7 days after: can be earned again
    assert (earned(r), bonus_names(r), r["balance"]["points"]) == ((0, 70, 0), ["Birthday"], 20 + 20 + 70)

    # A new calendar year: the bonus again (the lots of 7 and 15 March 2025 have expired by then).
    r = shop.checkout("20.00", "2026-03-20T12:00", card=card)
    assert (earned(r), bonus_names(r), r["balance"]["points"]) == ((0, 70, 0), ["Birthday"], 70 + 70)
    assert_ledger_ok(shop)


def test_boutique_birthday_bonus_around_new_year_is_paid_once_for_one_birthday(cli_shop):
    """Birthday 3 January: 29 December and 2 January are both within 7 days of the same birthday (3 January 2026);
    only the first purchase in that window earns the bonus, even though the two fall in different calendar years."""
    shop = cli_shop("boutique")
    card = shop.run("customer", "enroll", "--name", "Jan", "--birthday", "1990-01-03")["card"]
    r = shop.checkout("20.00", "2025-12-29T12:00", card=card)
    assert (earned(r), bonus_names(r)) == ((0, 70, 0), ["Birthday"])
    r = shop.checkout("20.00", "2026-01-02T12:00", card=card)
    assert (earned(r), bonus_names(r)) == ((0, 20, 0), []), "a second birthday bonus for the same birthday"


# ---- salon: 5 % cashback, redeemable from 5.00, referral bonus ----


def test_salon_five_percent_cashback_rounded_down_and_redeemable_from_5(cli_shop):
    shop = cli_shop("salon")
    r = shop.checkout("19.99", "2026-04-01T10:00")  # 5 % = 0.9995 -> 0.99
    assert earned(r) == (0, 0, 99)
    r = shop.checkout("80.01", "2026-04-02T10:00")  # 5 % = 4.0005 -> 4.00
    assert earned(r) == (0, 0, 400)
    assert (r["balance"]["cashback"], r["balance"]["rewards_available"]) == (499, [])

    refused = shop.run("redeem", "--card", shop.card, "--reward", "cashback", "--amount", "5.00",
                       "--at", "2026-04-02T10:01", ok=False)
    assert refused["error"]["code"] == "insufficient_balance"
    assert "4.99" in refused["error"]["message"]

    r = shop.checkout("0.20", "2026-04-03T10:00")  # 5 % = 0.01
    assert earned(r) == (0, 0, 1)
    assert (r["balance"]["cashback"], r["balance"]["rewards_available"]) == (500, ["cashback"])

    refused = shop.run("redeem", "--card", shop.card, "--reward", "cashback", "--amount", "4.99",
                       "--at", "2026-04-03T10:01", ok=False)
    assert refused["error"]["code"] == "below_minimum"
    assert "5.00" in refused["error"]["message"]

    r = shop.run("redeem", "--card", shop.card, "--reward", "cashback", "--amount", "5.00", "--at", "2026-04-03T10:02")
    assert (r["kind"], earned(r), r["balance"]["cashback"]) == ("redeem", (0, 0, -500), 0)


def test_salon_referrer_gets_5_on_the_first_purchase_only_and_a_void_gives_it_back(cli_shop):
    shop = cli_shop("salon")
    ben = shop.run("customer", "enroll", "--name", "Ben", "--referred-by", shop.card)
    assert ben["balance"]["cashback"] == 0

    first = shop.checkout("40.00", "2026-04-01T10:00", card=ben["card"])
    assert earned(first) == (0, 0, 200)  # Ben's own 5 %; the referral goes to the referrer
    assert [(b["name"], b["cashback"], b["customer"]) for b in first["earned"]["bonuses"]] == [
        ("Recommendation", 500, shop.customer_id)]
    assert first["balance"]["cashback"] == 200

    undone = shop.run("void", first["event_id"], "--at", "2026-04-01T10:05")
    assert (earned(undone), undone["balance"]["cashback"]) == ((0, 0, -200), 0)

    again = shop.checkout("60.00", "2026-04-02T10:00", card=ben["card"])  # now the first purchase again
    assert earned(again) == (0, 0, 300)
    assert [(b["name"], b["cashback"]) for b in again["earned"]["bonuses"]] == [("Recommendation", 500)]

    second = shop.checkout("20.00", "2026-04-03T10:00", card=ben["card"])
    assert (earned(second), second["earned"]["bonuses"]) == ((0, 0, 100), [])
    assert second["balance"]["cashback"] == 200 - 200 + 300 + 100

    referrer = shop.run("balance", "--card", shop.card)
    assert referrer["cashback"] == 500  # +500, voided, +500 again; nothing for the second purchase
    assert_ledger_ok(shop)


# ---- bakery: stamps and points together, organic items, happy hour ----


def test_bakery_hybrid_stamps_points_organic_items_and_happy_hour(cli_shop):
    shop = cli_shop("bakery")
    assert shop.enrolled["bonuses"] == ["Welcome"]
    assert (shop.enrolled["balance"]["stamps"], shop.enrolled["balance"]["points"]) == (0, 20)

    # Friday 6 March 2026 (winter time). A stamp per visit, whatever the amount, no daily cap.
    r = shop.checkout("0.50", "2026-03-06T09:00")
    assert earned(r) == (1, 0, 0)
    r = shop.checkout("10.99", "2026-03-06T09:05", "BIO-MUESLI:3.45", "ROLL:1.10")  # 2 x 3.45 + 7.54 = 14.44
    assert earned(r) == (1, 14, 0)
    r = shop.checkout("5.00", "2026-03-06T09:10", "BIO-ROLL:2.50", "NOTBIO-1:1.00")  # 2 x 2.50 + 2.50 = 7.50
    assert earned(r) == (1, 7, 0)

    # Happy hour Monday to Friday 17:00-18:00 shop time doubles the points (on the exact amount: 2 x 7.50 = 15).
    assert earned(shop.checkout("7.50", "2026-03-06T16:59")) == (1, 7, 0)
    assert earned(shop.checkout("7.50", "2026-03-06T17:00")) == (1, 15, 0)
    assert earned(shop.checkout("7.50", "2026-03-06T18:00")) == (1, 7, 0)
    r = shop.checkout("7.50", "2026-03-07T17:30")  # Saturday: no happy hour
    assert earned(r) == (1, 7, 0)
    assert (r["balance"]["stamps"], r["balance"]["rewards_available"]) == (7, [])

    # 16:30 UTC on a winter Friday is 17:30 in Berlin: organic x2 and happy hour x2 -> (2 x 4.00 + 6.00) x 2 = 28.
    r = shop.checkout("10.00", "2026-03-13T16:30:00Z", "BIO-BREAD:4.00")
    assert earned(r) == (1, 28, 0)
    assert (r["balance"]["stamps"], r["balance"]["rewards_available"]) == (8, ["free-bread"])
    points = 20 + 0 + 14 + 7 + 7 + 15 + 7 + 7 + 28
    assert r["balance"]["points"] == points

    r = shop.run("redeem", "--card", shop.card, "--reward", "free-bread", "--at", "2026-03-13T17:31")
    assert (r["kind"], earned(r)) == ("redeem", (-8, 0, 0))
    assert (r["balance"]["stamps"], r["balance"]["points"], r["balance"]["rewards_available"]) == (0, points, [])
