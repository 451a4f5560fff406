"""Appointments at the contact desk: the free slots of a schedule, booking one, cancelling,
and marking a visit attended or missed.

Slots are computed, not stored: a schedule's weekly hours and exceptions give, for each
day, the moments an appointment can start, in Brussels wall-clock time (a 09:00 slot is
09:00 local on both sides of a daylight-saving change). A booking takes one desk of a
slot; the schedule's row is locked while that happens, and a unique constraint on
(schedule, start, desk) holds even if the lock were forgotten.
"""

import datetime
import enum
from dataclasses import dataclass
from functools import partial
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from cms.signed_links import id_from_signed, signed_id
from programmes.models import Appointment, AppointmentSchedule, ScheduleException

Status = Appointment.Status
CANCEL_SALT = "programmes.appointment.cancel"
LAST_APPOINTMENT_SESSION_KEY = "programmes.appointment.last"
# A slot in a URL: its local start, e.g. 20261208T0900.
SLOT_KEY_FORMAT = "%Y%m%dT%H%M"


def desk_time_zone():
    return ZoneInfo(settings.TIME_ZONE)


class SlotUnavailable(Exception):
    """The moment is not (or no longer) a slot of the schedule one can book."""


class SlotFull(Exception):
    """Every desk of the slot is taken."""


class LanguageNotSpoken(Exception):
    """Nobody at the desk speaks the chosen language at that moment."""


class AlreadyBooked(Exception):
    """The same person already has an appointment at this moment."""


class CancelOutcome(enum.Enum):
    CANCELLED = "cancelled"
    ALREADY_CANCELLED = "already_cancelled"
    TOO_LATE = "too_late"


@dataclass(frozen=True)
class Slot:
    starts_at: datetime.datetime  # aware
    ends_at: datetime.datetime
    desks: int
    languages: tuple
    booked: int = 0

    @property
    def free(self):
        return max(self.desks - self.booked, 0)

    @property
    def key(self):
        return slot_key(self.starts_at)

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at, desk_time_zone())

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at, desk_time_zone())


def slot_key(moment):
    return timezone.localtime(moment, desk_time_zone()).strftime(SLOT_KEY_FORMAT)


def moment_for_slot_key(key):
    """The aware start of a slot key, or None for one that is not a real local moment."""
    try:
        naive = datetime.datetime.strptime(str(key), SLOT_KEY_FORMAT)
    except ValueError:
        return None
    return _local_moment(naive.date(), naive.time())


def _local_moment(day, time):
    """`time` on `day` in Brussels; None for a wall-clock time that does not exist that day
    (the hour skipped when summer time starts). An hour that happens twice (when it ends)
    is its first occurrence."""
    zone = desk_time_zone()
    moment = datetime.datetime.combine(day, time, tzinfo=zone)
    round_trip = moment.astimezone(datetime.UTC).astimezone(zone)
    if round_trip.replace(tzinfo=None) != moment.replace(tzinfo=None):
        return None
    return moment


def _starts_between(day, opens, closes, minutes):
    """The local start times of `minutes`-long slots from `opens` until `closes`."""
    step = datetime.timedelta(minutes=minutes)
    start = datetime.datetime.combine(day, opens)
    end = datetime.datetime.combine(day, closes)
    while start + step <= end:
        yield start.time()
        start += step


def day_plan(schedule, day, weekly=None, exceptions=None):
    """{local start time: (desks, languages)} of `day`: the weekly hours, minus closed
    exceptions, with extra hours added (replacing a weekly slot at the same time)."""
    weekly = schedule.weekly_hours.all() if weekly is None else weekly
    exceptions = schedule.exceptions.all() if exceptions is None else exceptions
    minutes = schedule.slot_minutes
    plan = {}
    for opening in weekly:
        if opening.weekday == day.weekday():
            for start in _starts_between(day, opening.opens, opening.closes, minutes):
                plan[start] = (opening.desks, tuple(opening.languages or ()))
    todays = [exception for exception in exceptions if exception.date == day]
    step = datetime.timedelta(minutes=minutes)
    for exception in todays:
        if exception.kind != ScheduleException.Kind.CLOSED:
            continue
        if exception.opens is None:
            plan.clear()
            continue
        window = (
            datetime.datetime.combine(day, exception.opens),
            datetime.datetime.combine(day, exception.closes),
        )
        for start in list(plan):
            begins = datetime.datetime.combine(day, start)
            if begins < window[1] and begins + step > window[0]:
                del plan[start]
    for exception in todays:
        if exception.kind == ScheduleException.Kind.EXTRA:
            for start in _starts_between(day, exception.opens, exception.closes, minutes):
                plan[start] = (exception.desks, tuple(exception.languages or ()))
    return plan


def slots(schedule, first_day, last_day, *, language=None):
    """The slots of `schedule` from `first_day` to `last_day` (local dates, inclusive),
    in order, each with the number of desks already booked. Two queries in all."""
    weekly = list(schedule.weekly_hours.all())
    exceptions = list(schedule.exceptions.filter(date__gte=first_day, date__lte=last_day))
    length = datetime.timedelta(minutes=schedule.slot_minutes)
    found = []
    day = first_day
    while day <= last_day:
        for start, (desks, languages) in sorted(
            day_plan(schedule, day, weekly, exceptions).items()
        ):
            if language and language not in languages:
                continue
            moment = _local_moment(day, start)
            if moment is not None:
                found.append((moment, desks, languages))
        day += datetime.timedelta(days=1)
    if not found:
        return []
    booked = {}
    taken = Appointment.objects.filter(
        schedule=schedule,
        starts_at__gte=found[0][0],
        starts_at__lte=found[-1][0],
    ).exclude(status=Status.CANCELLED)
    for starts_at in taken.values_list("starts_at", flat=True):
        booked[starts_at] = booked.get(starts_at, 0) + 1
    return [
        Slot(
            starts_at=moment,
            ends_at=moment + length,
            desks=desks,
            languages=languages,
            booked=booked.get(moment, 0),
        )
        for moment, desks, languages in found
    ]


def booking_window(schedule, now=None):
    """(earliest start, last local day) a person may book now."""
    now = now or timezone.now()
    earliest = now + datetime.timedelta(hours=schedule.minimum_notice_hours)
    last_day = timezone.localtime(now, desk_time_zone()).date() + datetime.timedelta(
        days=schedule.booking_horizon_days
    )
    return earliest, last_day


def bookable_slots(schedule, now=None, *, language=None):
    """The slots a person may book now: in the window, with a free desk."""
    earliest, last_day = booking_window(schedule, now)
    first_day = timezone.localtime(earliest, desk_time_zone()).date()
    return [
        slot
        for slot in slots(schedule, first_day, last_day, language=language)
        if slot.starts_at >= earliest and slot.free > 0
    ]


def closed_days(schedule, now=None):
    """The whole days the desk is closed within the booking window (holidays and such),
    for the public page: people then know why a week has a gap."""
    earliest, last_day = booking_window(schedule, now)
    first_day = timezone.localtime(earliest, desk_time_zone()).date()
    return list(
        schedule.exceptions.filter(
            kind=ScheduleException.Kind.CLOSED,
            opens__isnull=True,
            date__gte=first_day,
            date__lte=last_day,
        ).order_by("date")
    )


def slots_by_day(slot_list):
    """[(local date, [slots])], for a page that lists them per day."""
    days = {}
    for slot in slot_list:
        days.setdefault(slot.local_start.date(), []).append(slot)
    return list(days.items())


def find_slot(schedule, starts_at, now=None):
    """The bookable slot that starts at `starts_at`, or raise SlotUnavailable / SlotFull."""
    earliest, last_day = booking_window(schedule, now)
    day = timezone.localtime(starts_at, desk_time_zone()).date()
    if starts_at < earliest or day > last_day:
        raise SlotUnavailable
    for slot in slots(schedule, day, day):
        if slot.starts_at == starts_at:
            if slot.free == 0:
                raise SlotFull
            return slot
    raise SlotUnavailable


def published_schedule():
    """The schedule the public site books in: the first published one."""
    return AppointmentSchedule.objects.filter(is_published=True).order_by("pk").first()


def _lock_schedule(schedule_pk):
    # Serialises bookings of one desk's schedule; a no-op on SQLite, whose transactions
    # start IMMEDIATE there and so serialise writers anyway.
    return AppointmentSchedule.objects.select_for_update().get(pk=schedule_pk)


def _send_after_commit(task, appointment):
    # robust: a queue that is down must not turn a saved appointment into an error.
    transaction.on_commit(partial(task.enqueue, appointment.pk), robust=True)


def book(
    schedule,
    starts_at,
    *,
    topic,
    language,
    name,
    email="",
    phone="",
    question="",
    email_language,
    now=None,
):
    """Book a desk in the slot of `schedule` that starts at `starts_at`.

    Returns the Appointment. Raises SlotUnavailable, SlotFull, LanguageNotSpoken or
    AlreadyBooked; nothing is stored then.
    """
    from programmes.tasks import send_appointment_confirmation

    now = now or timezone.now()
    email = email.strip().lower()
    phone = phone.strip()
    try:
        with transaction.atomic():
            locked = _lock_schedule(schedule.pk)
            slot = find_slot(locked, starts_at, now)
            if language not in slot.languages:
                raise LanguageNotSpoken
            active = Appointment.objects.filter(schedule=locked, starts_at=starts_at).exclude(
                status=Status.CANCELLED
            )
            same_person = (email and active.filter(email=email).exists()) or (
                phone and active.filter(phone=phone).exists()
            )
            if same_person:
                raise AlreadyBooked
            taken = set(active.values_list("desk", flat=True))
            desk = next(number for number in range(1, slot.desks + 1) if number not in taken)
            appointment = Appointment.objects.create(
                schedule=locked,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
                desk=desk,
                topic=topic,
                language=language,
                email_language=email_language,
                name=name.strip(),
                email=email,
                phone=phone,
                question=question.strip(),
                consented_at=now,
            )
            log(
                appointment,
                "programmes.appointment.book",
                data={"starts_at": starts_at.isoformat()},
            )
            if appointment.email:
                _send_after_commit(send_appointment_confirmation, appointment)
    except StopIteration as error:  # every desk taken: find_slot counted before the lock
        raise SlotFull from error
    except IntegrityError as error:
        # The unique constraint: the desk was taken by a parallel request.
        raise SlotFull from error
    return appointment


def cancel(appointment, *, user=None, now=None):
    """Cancel an appointment that has not started; safe to repeat."""
    from programmes.tasks import send_appointment_cancellation

    now = now or timezone.now()
    with transaction.atomic():
        current = Appointment.objects.select_for_update().get(pk=appointment.pk)
        if current.status == Status.CANCELLED:
            outcome = CancelOutcome.ALREADY_CANCELLED
        elif current.status != Status.BOOKED or current.starts_at <= now:
            outcome = CancelOutcome.TOO_LATE
        else:
            current.status = Status.CANCELLED
            current.status_changed_at = now
            current.save(update_fields=["status", "status_changed_at"])
            log(current, "programmes.appointment.cancel", user=user)
            if current.email:
                _send_after_commit(send_appointment_cancellation, current)
            outcome = CancelOutcome.CANCELLED
    appointment.status = current.status
    appointment.status_changed_at = current.status_changed_at
    return outcome


def can_record_visit(appointment, now=None):
    """Attendance is recorded from the day of the appointment, for one not cancelled."""
    now = now or timezone.now()
    today = timezone.localtime(now, desk_time_zone()).date()
    day = timezone.localtime(appointment.starts_at, desk_time_zone()).date()
    return appointment.status != Status.CANCELLED and day <= today


def record_visit(appointment, status, *, user, now=None):
    """Mark the appointment attended or missed. Returns False when nothing changed
    (already so, cancelled, or not yet its day); a double click logs one change."""
    if status not in (Status.ATTENDED, Status.MISSED):
        raise ValueError(status)
    now = now or timezone.now()
    if not can_record_visit(appointment, now):
        return False
    changed = (
        Appointment.objects.filter(pk=appointment.pk)
        .exclude(status__in=[Status.CANCELLED, status])
        .update(status=status, status_changed_at=now)
    )
    if changed:
        appointment.status = status
        appointment.status_changed_at = now
        action = "attended" if status == Status.ATTENDED else "missed"
        log(appointment, f"programmes.appointment.{action}", user=user)
    return bool(changed)


# --- Links, and the visitor's last booking -----------------------------------------------


def cancel_token(appointment):
    """The secret part of an appointment's cancel link."""
    return signed_id(appointment.pk, CANCEL_SALT)


def appointment_for_cancel_token(token):
    pk = id_from_signed(token, CANCEL_SALT)
    if pk is None:
        return None
    return Appointment.objects.select_related("schedule").filter(pk=pk).first()


def cancel_path(appointment):
    return reverse("appointments:cancel", kwargs={"token": cancel_token(appointment)})


def remember_appointment(request, appointment):
    request.session[LAST_APPOINTMENT_SESSION_KEY] = appointment.pk


def last_appointment(request):
    pk = request.session.get(LAST_APPOINTMENT_SESSION_KEY)
    if not isinstance(pk, int):
        return None
    return (
        Appointment.objects.select_related("schedule")
        .filter(pk=pk)
        .exclude(status=Status.CANCELLED)
        .first()
    )


# --- Reminders ---------------------------------------------------------------------------


def due_reminders(now=None):
    """Booked appointments of tomorrow (local) with an email address and no reminder yet."""
    now = now or timezone.now()
    zone = desk_time_zone()
    tomorrow = timezone.localtime(now, zone).date() + datetime.timedelta(days=1)
    starts = datetime.datetime.combine(tomorrow, datetime.time.min, tzinfo=zone)
    ends = datetime.datetime.combine(
        tomorrow + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    return (
        Appointment.objects.filter(
            status=Status.BOOKED,
            reminder_sent_at__isnull=True,
            starts_at__gte=starts,
            starts_at__lt=ends,
        )
        .exclude(email="")
        .order_by("starts_at", "pk")
    )


def queue_due_reminders(now=None):
    """Queue a reminder for each appointment of tomorrow; returns how many."""
    from programmes.tasks import send_appointment_reminder

    count = 0
    for pk in due_reminders(now).values_list("pk", flat=True):
        send_appointment_reminder.enqueue(pk)
        count += 1
    return count


# --- Erasure -------------------------------------------------------------------------------


def anonymise_appointments(email, now=None):
    """Erase a person's name, contact details and question from their appointments (they
    asked us to forget them); the moment, topic and whether they came stay for the desk's
    figures, and an appointment still to come is cancelled so its desk is free again.
    Returns how many appointments there were."""
    now = now or timezone.now()
    found = list(Appointment.objects.filter(email__iexact=email.strip()))
    for appointment in found:
        appointment.name = ""
        appointment.email = f"gewist-{appointment.pk}@invalid"
        appointment.phone = ""
        appointment.question = ""
        fields = ["name", "email", "phone", "question"]
        if appointment.status == Status.BOOKED and appointment.starts_at > now:
            appointment.status = Status.CANCELLED
            appointment.status_changed_at = now
            # Nothing to tell: the address is gone, and the person asked for this.
            appointment.cancellation_sent_at = now
            fields += ["status", "status_changed_at", "cancellation_sent_at"]
        appointment.save(update_fields=fields)
    return len(found)
