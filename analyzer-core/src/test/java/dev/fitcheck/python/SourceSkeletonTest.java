package dev.fitcheck.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceSkeletonTest {

    private static SourceSkeleton skeleton(String src) {
        return SourceSkeleton.of(src.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(SourceSkeleton s) {
        return new String(s.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void functionBodiesBecomeEllipsisAndRowsMapBack() {
        SourceSkeleton s = skeleton("""
                import os

                # a comment
                def f(a, b):
                    x = 1
                    return x

                class A:
                    def m(self):
                        return 2
                    y = 3
                """);
        assertThat(text(s)).isEqualTo("""
                import os
                def f(a, b):
                    ...
                class A:
                    def m(self):
                        ...
                    y = ...
                """);
        // skeleton rows -> original rows (0-based): import 0, def 3, body 4, class 7, def 8, body 9, y 10
        assertThat(s.originalRow()).containsExactly(0, 3, 4, 7, 8, 9, 10);
    }

    @Test
    void annotationsDefaultsAndReturnTypesGoButNamesStay() {
        SourceSkeleton s = skeleton("""
                def forward(self, x: Dict[str, int] = {"a": 1}, *args: int, flag: bool = False, **kw: Any) -> Tuple[int, str]:
                    pass
                """);
        assertThat(text(s)).isEqualTo("""
                def forward(self, x=..., *args, flag=..., **kw) :
                    ...
                """);
    }

    @Test
    void aLambdaInAHeaderKeepsTheHeaderWhole() {
        String header = "def sort(items, key=lambda a, b: a, reverse: bool = False):\n";
        assertThat(text(skeleton(header + "    return items\n"))).isEqualTo(header + "    ...\n");
    }

    @Test
    void valuesOfAssignmentsGoExceptWhatTheSummaryReads() {
        SourceSkeleton s = skeleton("""
                MAPPING = {
                    "a": 1,
                }
                __all__ = ["A", "B"]
                _import_structure = {"x": ["X"]}
                _import_structure["y"] = ["Y"]
                sys.modules[__name__] = _LazyModule(__name__, define_import_structure(_file))
                _SUBMOD_ATTRS = {"hf_api": ["HfApi"]}
                __getattr__, __dir__ = lazy.attach(__name__, submod_attrs={"io": ["imread"]})
                __getattr__, __dir__ = _attach(__name__)
                a = b = 2
                f = lambda x=1: x
                """);
        assertThat(text(s)).isEqualTo("""
                MAPPING = ...
                __all__ = ["A", "B"]
                _import_structure = {"x": ["X"]}
                _import_structure["y"] = ["Y"]
                sys.modules[__name__] = _LazyModule(__name__, define_import_structure(_file))
                _SUBMOD_ATTRS = {"hf_api": ["HfApi"]}
                __getattr__, __dir__ = lazy.attach(__name__, submod_attrs={"io": ["imread"]})
                __getattr__, __dir__ = ...
                a = b = ...
                f = lambda x=1: x
                """);
    }

    @Test
    void docstringsThatSpanRowsAreEmptied() {
        SourceSkeleton s = skeleton("class A:\n    \"\"\"Doc\n    more\n    \"\"\"\n    x = 1\n");
        assertThat(text(s)).isEqualTo("class A:\n    \"\"\"\"\"\"\n    x = ...\n");
        assertThat(s.originalRow()).containsExactly(0, 1, 4);
    }

    @Test
    void stringsThatLookLikeCodeDoNotEndABody() {
        SourceSkeleton s = skeleton("""
                def f():
                    s = '''
                def not_a_function():
                    pass
                '''
                    t = f"{x!r:>{width}} {d['k']} {f'{y}'}"
                    u = rb'\\'' + "a\\\"b"
                    return s
                def g(): return 1
                """);
        assertThat(text(s)).isEqualTo("def f():\n    ...\ndef g(): return 1\n");
    }

    @Test
    void pep701NestedQuotesAndFormatSpecsAreFollowed() {
        SourceSkeleton s = skeleton("""
                def f():
                    a = f"{x["key"]:{'>' if y else '<'}10}"
                    return a
                X = 1
                """);
        assertThat(text(s)).isEqualTo("def f():\n    ...\nX = ...\n");
    }

    @Test
    void bracketsAndBackslashesContinueALogicalLine() {
        SourceSkeleton s = skeleton("""
                def f(a,
                      b):
                    return (a +
                b)
                x = 1 + \\
                2
                """);
        assertThat(text(s)).isEqualTo("def f(a,\nb):\n    ...\nx = ...\n");
    }

    @Test
    void tabsCountToTheNextMultipleOfEight() {
        SourceSkeleton s = skeleton("class A:\n\tdef m(self):\n\t\treturn 1\n\tz = 2\n");
        assertThat(text(s)).isEqualTo("class A:\n\tdef m(self):\n\t\t...\n\tz = ...\n");
    }

    @Test
    void crlfSourcesKeepTheirLineEnds() {
        SourceSkeleton s = skeleton("def f():\r\n    return 1\r\nx = 2\r\n");
        assertThat(text(s)).isEqualTo("def f():\r\n    ...\nx = ...\r\n");
    }

    @Test
    void anUnterminatedStringLeavesTheSourceAlone() {
        String src = "x = 'open\ny = 2\n";
        SourceSkeleton s = skeleton(src);
        assertThat(text(s)).isEqualTo(src);
        assertThat(s.elided()).isFalse();
        assertThat(s.chunks()).isNull();
    }

    @Test
    void chunksAreTopLevelStatementsWithTheirDecoratorsAndClauses() {
        SourceSkeleton s = skeleton("""
                import a
                import b
                @dec
                class A:
                    pass
                if x:
                    y = 1
                else:
                    y = 2
                z = 3
                """);
        String t = text(s);
        assertThat(s.chunks()).extracting(c -> t.substring(c.start(), c.end())).containsExactly(
                "import a\nimport b\n",
                "@dec\nclass A:\n    pass\n",
                "if x:\n    y = ...\nelse:\n    y = ...\n",
                "z = ...\n");
        assertThat(s.chunks()).extracting(SourceSkeleton.Chunk::row).containsExactly(0, 2, 5, 9);
    }

    @Test
    void continuationRowsTakeTheLinesOwnIndentationAndKeepTheirRows() {
        SourceSkeleton s = skeleton("""
                if x:
                    from a import (
                            B,
                            C,
                    )
                    VALUE = \\
                        {1: 2}
                    Z = 1
                """);
        assertThat(text(s)).isEqualTo("if x:\n    from a import (\n    B,\n    C,\n    )\n    VALUE = ...\n    Z = ...\n");
        assertThat(s.originalRow()).containsExactly(0, 1, 2, 3, 4, 5, 7);
    }
}
