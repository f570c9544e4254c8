"""st.graphviz_chart through AppTest: Streamlit 1.67's node type, the DOT source and
engine of a graphviz object or of text, and 1.67's errors."""
from __future__ import annotations

import textwrap

import pytest

from appcore.testing import AppTest
from appcore.testing.element_tree import UnknownElement


def run(body: str) -> AppTest:
    return AppTest.from_string("import appcore as st\n" + textwrap.dedent(body), default_timeout=30).run()


def test_dot_text_is_an_unknown_element_of_type_graphviz_chart_drawn_by_dot():
    at = run("st.graphviz_chart('digraph { a -> b }')")
    node = at.get("graphviz_chart")[0]
    assert isinstance(node, UnknownElement) and node.value is None
    assert (node.props["spec"], node.props["engine"]) == ("digraph { a -> b }", "dot")
    assert (node.props["width"], node.props["height"]) == ("content", "content")


def test_a_graphviz_object_gives_its_source_and_engine():
    pytest.importorskip("graphviz")
    at = run("""
    import graphviz
    graph = graphviz.Graph(engine="neato")
    graph.edge("a", "b")
    st.graphviz_chart(graph, use_container_width=True)
    st.graphviz_chart(graphviz.Source("digraph { x -> y }", engine="circo"), width=300, height=200)
    """)
    first, second = at.get("graphviz_chart")
    assert first.props["spec"] == "graph {\n\ta -- b\n}\n" and first.props["engine"] == "neato"
    assert first.props["width"] == "stretch"
    assert (second.props["engine"], second.props["width"], second.props["height"]) == ("circo", 300, 200)


@pytest.mark.parametrize(("call", "message"), [
    ("st.graphviz_chart(42)", "Invalid `figure_or_dot` type. Expected one of: graphviz.Graph, graphviz.Digraph, "
                              "graphviz.Source, str. Provided type: int."),
    ("st.graphviz_chart('digraph {}', height=0)",
     "Invalid height value: 0. Height must be either a positive integer (pixels), 'stretch', or 'content'."),
])
def test_bad_arguments_fail_with_streamlits_messages(call: str, message: str):
    assert run(call).exception[0].message == message

