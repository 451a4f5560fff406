"""The one signal the intake sends: an application was submitted (inside its transaction).

Receivers (the case workflow) run in the same transaction, so an application is never
saved without its case. Arguments: `application`.
"""

from django.dispatch import Signal

application_submitted = Signal()
