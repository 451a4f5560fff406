"""A django-formtools storage that keeps the wizard's state in the application draft.

formtools keeps a wizard's state in the session by default: lost with the session,
invisible from another device, and shared by every tab. Here the draft row holds it,
under the draft's own prefix. Saving merges per step with what another tab may have
saved meanwhile, so two tabs working on different steps never undo each other.
"""

import copy
import pathlib
import secrets

from django.db import transaction
from formtools.wizard.storage.base import BaseStorage

from forms.models import ApplicationDraft

MERGED_PER_STEP = ("step_data", "step_files")


class DraftStorage(BaseStorage):
    def __init__(self, draft, request, file_storage):
        super().__init__(draft.wizard_prefix, request, file_storage)
        self.draft = draft
        self.init_data()
        # A state saved without one of formtools' keys (an older draft) still opens.
        self.data.update(copy.deepcopy(draft.wizard_state or {}))
        self._loaded = copy.deepcopy(self.data)
        self._was_reset = False

    def reset(self):
        super().reset()
        self._was_reset = True

    def set_step_data(self, step, cleaned_data):
        """Keep what was typed, without NUL characters: they mean nothing in an answer,
        and PostgreSQL cannot store them in JSON (the form then says what is missing)."""
        super().set_step_data(step, cleaned_data)
        stored = self.data[self.step_data_key][step]
        if stored:
            self.data[self.step_data_key][step] = _without_nul(stored)

    def set_step_files(self, step, files):
        """Store each new upload under a random name in the draft's own folder, keeping
        the name the person gave it apart; the file it replaces is deleted."""
        stored = self.data[self.step_files_key].setdefault(step, {})
        for field, upload in (files or {}).items():
            suffix = pathlib.Path(upload.name).suffix.lower()[:5]
            name = f"application-drafts/{self.draft.public_id.hex}/{secrets.token_hex(16)}{suffix}"
            upload.seek(0)
            tmp_name = self.file_storage.save(name, upload)
            previous = stored.get(field)
            if previous:
                self._tmp_files.append(previous["tmp_name"])
            stored[field] = {
                "tmp_name": tmp_name,
                "name": pathlib.Path(upload.name).name[:255],
                "content_type": upload.content_type,
                "size": upload.size,
                "charset": upload.charset,
            }

    def remove_step_file(self, step, field):
        stored = self.data[self.step_files_key].get(step, {})
        previous = stored.pop(field, None)
        if previous:
            self._tmp_files.append(previous["tmp_name"])

    def stored_file_info(self, step):
        """{field: {"name", "size"}} of the files kept for `step`."""
        return {
            field: {"name": meta["name"], "size": meta["size"]}
            for field, meta in self.data[self.step_files_key].get(step, {}).items()
        }

    def update_response(self, response):
        self.save()
        super().update_response(response)

    def save(self):
        if self.data == self._loaded and not self._was_reset:
            return
        with transaction.atomic():
            draft = ApplicationDraft.objects.select_for_update().get(pk=self.draft.pk)
            if self._was_reset:
                state = self.data
            else:
                state = merge(self._loaded, self.data, draft.wizard_state or {})
            draft.wizard_state = state
            draft.language = self.draft.language
            draft.email = self.draft.email or draft.email
            draft.save(update_fields=["wizard_state", "language", "email", "updated_at"])
        self.draft.wizard_state = state
        self._loaded = copy.deepcopy(state)


def _without_nul(value):
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {_without_nul(key): _without_nul(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_without_nul(item) for item in value]
    return value


def merge(base, ours, theirs):
    """Three-way merge of wizard states: what this request changed wins, step by step;
    everything else stays as the latest saved state has it."""
    merged = copy.deepcopy(theirs) if theirs else copy.deepcopy(ours)
    for key, value in ours.items():
        if key in MERGED_PER_STEP:
            target = merged.setdefault(key, {})
            before = base.get(key, {})
            for step in set(value) | set(before):
                if value.get(step) == before.get(step):
                    continue
                if step in value:
                    target[step] = copy.deepcopy(value[step])
                else:
                    target.pop(step, None)
        elif value != base.get(key):
            merged[key] = copy.deepcopy(value)
    return merged
