import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="DataErasureRequest",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "requested_at",
                    models.DateTimeField(
                        db_index=True, default=django.utils.timezone.now, verbose_name="gevraagd op"
                    ),
                ),
                (
                    "handled_at",
                    models.DateTimeField(
                        blank=True,
                        help_text="Vul in wanneer de gegevens gewist zijn of het verzoek afgehandeld is.",
                        null=True,
                        verbose_name="afgehandeld op",
                    ),
                ),
                (
                    "note",
                    models.TextField(
                        blank=True,
                        help_text="Wat er gewist is, of waarom iets bewaard moet blijven.",
                        verbose_name="notitie",
                    ),
                ),
                (
                    "confirmation_sent_at",
                    models.DateTimeField(blank=True, editable=False, null=True),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="data_erasure_requests",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="deelnemer",
                    ),
                ),
            ],
            options={
                "verbose_name": "verzoek om gegevens te wissen",
                "verbose_name_plural": "verzoeken om gegevens te wissen",
                "ordering": ["-requested_at", "-pk"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("handled_at__isnull", True)),
                        fields=("user",),
                        name="one_open_erasure_request_per_user",
                    )
                ],
            },
        ),
    ]
