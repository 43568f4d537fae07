"""The demo's editor and medical reviewer in the browser tests: the `demo_team` fixture
(tests/conftest.py) creates them on the demo site as `make run` does, with one password."""

PASSWORD = "demo-team-in-the-browser"


def sign_in(page, site_url, username, password=PASSWORD):
    """Signs `username` in to the admin through its login form, as a person does."""
    page.goto(site_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
