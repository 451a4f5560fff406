from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0008_employers_in_matchmaking"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["state_entered_at", "id"], name="case_longest_waiting"),
        ),
    ]
