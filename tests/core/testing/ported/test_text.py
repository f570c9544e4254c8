from appcore.testing.v1 import AppTest


def run():
    return AppTest.from_file("app_text.py", default_timeout=10).run()


def test_headings_read_back_with_their_tags():
    at = run()
    assert at.title[0].value == "Inventory" and at.title[0].tag == "h1"
    assert at.title[0].help == "All the stock"
    assert (at.header[0].tag, at.subheader[0].tag) == ("h2", "h3")
    assert at.subheader.values == ["Details"]


def test_text_elements_read_back_as_written():
    at = run()
    assert at.markdown[0].value == "**Bold** words"
    assert at.caption[0].value == "a small note"
    assert at.text[0].value == "plain text"
    assert at.code[0].value == "x = 1" and at.code[0].language == "python"
    assert at.json[0].value == '{"apples": 3}' and at.json[0].expanded is False
    assert at.divider.len == 1


def test_latex_reads_back_as_display_maths():
    assert run().latex[0].value == "$$\nE=mc^2\n$$"


def test_alerts_each_have_their_list():
    at = run()
    assert [at.success[0].value, at.info[0].value, at.warning[0].value, at.error[0].value] == [
        "saved", "note", "careful", "broken"]


def test_help_is_a_help_info_node():
    at = run()
    assert at.help[0].value == "len" and at.help[0].type == "help_info"
    assert at.get("help_info")[0].name == "len"


def test_a_container_is_a_flex_container_with_its_key():
    at = run()
    (box,) = at.container
    assert box.type == "flex_container" and box.key == "box"
    assert box.markdown[0].value == "inside the box"


def test_main_walks_the_page_in_order_including_itself():
    at = run()
    assert [node.type for node in at.main] == [
        "main", "title", "header", "subheader", "markdown", "caption", "text", "code", "latex", "json",
        "divider", "success", "info", "warning", "error", "flex_container", "markdown", "help_info"]
    assert at.main[0].type == "title" and len(at.main) == 16


def test_the_sidebar_is_its_own_block():
    at = run()
    assert at.sidebar.markdown.values == ["in the sidebar"]
    assert "in the sidebar" not in at.main.markdown.values
