"""The slots of the contact desk's schedule: weekly hours, exceptions, the booking window,
and Brussels wall-clock time across the daylight-saving changes."""

import datetime

import pytest
from django.utils import timezone

from programmes import appointments
from programmes.models import ScheduleException, WeeklyOpening
from tests.programmes.appointment_factories import (
    add_exception,
    book_tomorrow,
    local,
    make_schedule,
    tomorrow,
)

UTC = datetime.UTC
# The last Sundays of March and October 2027: summer time starts, and ends.
SPRING_FORWARD = datetime.date(2027, 3, 28)
FALL_BACK = datetime.date(2027, 10, 31)


def local_starts(slot_list):
    return [(slot.local_start.date(), slot.local_start.strftime("%H:%M")) for slot in slot_list]


@pytest.fixture
def schedule(db):
    return make_schedule(opens=datetime.time(9, 0), closes=datetime.time(10, 0))


@pytest.mark.parametrize("change", [SPRING_FORWARD, FALL_BACK])
def test_a_nine_oclock_slot_stays_nine_oclock_local_across_a_daylight_saving_change(
    schedule, change
):
    before, after = change - datetime.timedelta(days=1), change + datetime.timedelta(days=1)

    found = appointments.slots(schedule, before, after)

    assert local_starts(found) == [
        (day, time) for day in (before, change, after) for time in ("09:00", "09:30")
    ]
    # Only the offset from UTC moves: one hour in winter, two in summer.
    hours_in_utc = [slot.starts_at.astimezone(UTC).hour for slot in found[::2]]
    assert hours_in_utc == ([8, 7, 7] if change == SPRING_FORWARD else [7, 8, 8])


@pytest.mark.parametrize("change", [SPRING_FORWARD, FALL_BACK])
def test_a_slot_lasts_its_length_in_real_time_across_the_change(schedule, change):
    for slot in appointments.slots(schedule, change, change):
        assert slot.ends_at - slot.starts_at == datetime.timedelta(minutes=30)
        assert slot.local_end.strftime("%H:%M") in ("09:30", "10:00")


def test_the_hour_skipped_in_spring_has_no_slots(db):
    night = make_schedule(opens=datetime.time(1, 30), closes=datetime.time(3, 30))

    found = appointments.slots(night, SPRING_FORWARD, SPRING_FORWARD)

    assert [time for _day, time in local_starts(found)] == ["01:30", "03:00"]


def test_the_hour_repeated_in_autumn_gives_each_slot_once(db):
    night = make_schedule(opens=datetime.time(1, 30), closes=datetime.time(3, 30))

    found = appointments.slots(night, FALL_BACK, FALL_BACK)

    assert [time for _day, time in local_starts(found)] == ["01:30", "02:00", "02:30", "03:00"]
    assert len({slot.starts_at for slot in found}) == 4


def test_slot_keys_name_the_local_start_and_read_back_to_the_same_moment(schedule):
    (slot, _second) = appointments.slots(schedule, FALL_BACK, FALL_BACK)

    assert slot.key == "20271031T0900"
    assert appointments.moment_for_slot_key(slot.key) == slot.starts_at


@pytest.mark.parametrize("key", ["", "20270328T0230", "2027-03-28", "99999999T9999", "x" * 50])
def test_a_slot_key_that_is_no_real_local_moment_reads_as_none(key):
    assert appointments.moment_for_slot_key(key) is None


def test_only_the_weekdays_of_the_weekly_pattern_have_slots(db):
    tuesdays = make_schedule(weekdays=[1])
    monday = datetime.date(2027, 1, 4)

    found = appointments.slots(tuesdays, monday, monday + datetime.timedelta(days=6))

    assert {slot.local_start.date() for slot in found} == {datetime.date(2027, 1, 5)}


def test_the_last_slot_ends_at_closing_time(db):
    schedule = make_schedule(opens=datetime.time(9, 0), closes=datetime.time(10, 20))
    day = datetime.date(2027, 1, 5)

    assert [time for _day, time in local_starts(appointments.slots(schedule, day, day))] == [
        "09:00",
        "09:30",
    ]


def test_a_closed_day_has_no_slots(schedule):
    day = datetime.date(2027, 1, 5)
    add_exception(schedule, day, note="Feestdag")

    assert appointments.slots(schedule, day, day) == []


def test_closed_hours_remove_only_the_slots_they_overlap(db):
    schedule = make_schedule(opens=datetime.time(9, 0), closes=datetime.time(12, 0))
    day = datetime.date(2027, 1, 5)
    add_exception(schedule, day, opens=datetime.time(10, 15), closes=datetime.time(11, 0))

    times = [time for _day, time in local_starts(appointments.slots(schedule, day, day))]

    assert times == ["09:00", "09:30", "11:00", "11:30"]


def test_extra_hours_add_slots_with_their_own_desks_and_languages(schedule):
    sunday = datetime.date(2027, 1, 10)
    WeeklyOpening.objects.filter(schedule=schedule, weekday=6).delete()
    add_exception(
        schedule,
        sunday,
        kind=ScheduleException.Kind.EXTRA,
        opens=datetime.time(14, 0),
        closes=datetime.time(15, 0),
        desks=3,
        languages=["ar"],
    )

    found = appointments.slots(schedule, sunday, sunday)

    assert local_starts(found) == [(sunday, "14:00"), (sunday, "14:30")]
    assert {(slot.desks, slot.languages) for slot in found} == {(3, ("ar",))}


def test_a_language_filter_keeps_the_slots_where_it_is_spoken(db):
    schedule = make_schedule(weekdays=[1], languages=("nl", "uk"))
    day = datetime.date(2027, 1, 5)

    assert len(appointments.slots(schedule, day, day, language="uk")) == 6
    assert appointments.slots(schedule, day, day, language="ar") == []


def test_booked_desks_are_counted_and_a_full_slot_is_not_bookable(db):
    schedule = make_schedule(desks=2)
    book_tomorrow(schedule, 9, 0)
    book_tomorrow(schedule, 9, 0, **{"email": "twee@example.org"})
    book_tomorrow(schedule, 9, 30)

    day = tomorrow()
    counts = {
        slot.local_start.strftime("%H:%M"): slot.booked
        for slot in appointments.slots(schedule, day, day)
    }
    bookable = {slot.local_start for slot in appointments.bookable_slots(schedule)}

    assert counts["09:00"] == 2 and counts["09:30"] == 1
    assert local(day, 9, 0) not in bookable
    assert local(day, 9, 30) in bookable


def test_the_window_leaves_out_slots_too_soon_and_too_far_ahead(db):
    schedule = make_schedule(horizon_days=7, notice_hours=24)
    now = local(datetime.date(2027, 1, 4), 10, 0)

    found = appointments.bookable_slots(schedule, now)

    assert found[0].local_start == local(datetime.date(2027, 1, 5), 10, 0)
    assert found[-1].local_start.date() == datetime.date(2027, 1, 11)


def test_counting_the_bookings_takes_a_fixed_number_of_queries(schedule, django_assert_num_queries):
    first = timezone.localdate()
    with django_assert_num_queries(3):  # weekly hours, exceptions, bookings
        appointments.slots(schedule, first, first + datetime.timedelta(days=27))
