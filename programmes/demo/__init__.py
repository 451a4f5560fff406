"""Demo content of the offer: programmes, café sessions, partners, vacancies."""
