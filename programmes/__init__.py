"""The offer: programmes and their eligibility rules, café sessions, partners, vacancies."""
