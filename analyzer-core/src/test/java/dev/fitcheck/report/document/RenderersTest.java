package dev.fitcheck.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RenderersTest {

    private final Document doc = Document.builder("Vidi <7B> vs 9B")
            .heading(2, "Dependency conflict")
            .paragraph(Text.builder().plain("transformers ").strong("cannot").plain(" be shared: ")
                    .code("MistralFlashAttention2").plain(" * removed").build())
            .add(new Block.Table(List.of(Text.plain("Package"), Text.plain("vidi-7b"), Text.plain("Size")),
                    List.of(List.of(Text.plain("transformers"), Text.code("==4.44.2"), Text.plain("14.2 GiB")),
                            List.of(Text.plain("a|b"), Text.plain("x"), Text.plain("3"))),
                    List.of(false, false, true)))
            .bullets(List.of(Text.plain("one"), Text.plain("two\nlines")))
            .add(new Block.Chart("Release timeline", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>", "7B <4.48, 9B >=4.50"))
            .build();

    @Test
    void markdownPadsTablesAndEscapesMarkup() {
        assertThat(new MarkdownRenderer().render(doc)).isEqualTo("""
                # Vidi \\<7B> vs 9B

                ## Dependency conflict

                transformers **cannot** be shared: `MistralFlashAttention2` \\* removed

                | Package      | vidi-7b    |     Size |
                | ------------ | ---------- | -------: |
                | transformers | `==4.44.2` | 14.2 GiB |
                | a\\|b         | x          |        3 |

                - one
                - two
                  lines

                _Release timeline:_ 7B \\<4.48, 9B >=4.50
                """);
    }

    @Test
    void htmlIsSelfContainedAndEscaped() {
        String html = new HtmlRenderer().render(doc);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Vidi &lt;7B&gt; vs 9B</title>")
                .contains("<h2 id=\"dependency-conflict\">Dependency conflict</h2>")
                .contains("<td class=\"num\">14.2 GiB</td>")
                .contains("<code>MistralFlashAttention2</code>")
                .contains("<li>two<br>lines</li>")
                .contains("<figure>\n<svg")
                .doesNotContain("<script").doesNotContain("http://fonts").doesNotContain("<link");
    }
}
