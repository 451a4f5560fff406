"""Site search finds live pages in the reader's language."""

import pytest

from cms.search import MAX_QUERY_LENGTH, clean_query


def result_titles(response):
    return [page.title for page in response.context["listing"]["results"] or []]


def test_finds_a_page_by_a_word_in_its_body(client, db):
    response = client.get("/nl/search/", {"q": "beroepsinlevingsstage kennismakingsstage"})

    assert response.status_code == 200
    assert "Stages om een werkgever te leren kennen" in result_titles(response)


def test_finds_pages_in_the_readers_language_only(client, db):
    response = client.get("/fr/search/", {"q": "stage"})

    titles = result_titles(response)
    assert "Des stages pour connaître un employeur" in titles
    assert "Stages om een werkgever te leren kennen" not in titles


def test_an_empty_query_shows_the_form_without_results(client, db):
    response = client.get("/en/search/", {"q": "   "})

    assert response.status_code == 200
    assert response.context["listing"]["results"] is None
    assert 'role="search"' in response.content.decode()


def test_no_results_says_what_to_try(client, db):
    response = client.get("/en/search/", {"q": "xylofoonconcert"})

    html = response.content.decode()
    assert "0 results for" in html
    assert "Try a different or shorter word" in html


def test_a_hostile_query_is_escaped_and_bounded(client, db):
    hostile = "<script>alert(1)</script>" + "a" * 1000
    response = client.get("/nl/search/", {"q": hostile})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert len(clean_query(hostile)) == MAX_QUERY_LENGTH


def test_drafts_are_not_found(client, demo):
    page = demo["een-loket"]["nl"]
    page.unpublish()

    response = client.get("/nl/search/", {"q": "loket"})

    assert "Eén loket" not in result_titles(response)


def test_search_rejects_posts(client, db):
    assert client.post("/nl/search/", {"q": "stage"}).status_code == 405


def test_search_queries_do_not_grow_with_the_number_of_results(
    client, db, django_assert_max_num_queries
):
    client.get("/ar/search/", {"q": "stage"})
    with django_assert_max_num_queries(20):
        response = client.get("/ar/search/", {"q": "de"})
    assert len(response.context["listing"]["results"]) >= 3


@pytest.mark.parametrize(
    "params",
    [
        {"q": 'een "onafgewerkte zin'},
        {"q": "werk\x00"},
        {"q": "' OR 1=1 --"},
        {"q": "(werk*"},
        {"q": "werk", "page": "on"},
        {"q": "werk", "page": "-3"},
    ],
)
def test_odd_queries_and_page_numbers_get_results_not_errors(client, db, params):
    assert client.get("/nl/search/", params).status_code == 200
