package dev.fitcheck.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.treesitter.TSNode;

/**
 * The shortcuts SyntaxTree takes (the file's words found once, lookups started from the statement
 * that holds a range) against the plain answers, on every Python file of the Vidi fixtures.
 */
class SyntaxTreeTest {

    private static final Path VIDI = Path.of("..", "fixtures", "vidi");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(VIDI)) {
            return files.filter(p -> p.toString().endsWith(".py") && !p.toString().contains(".fitcheck")).sorted().toList();
        }
    }

    @Test
    void wordsAreFoundWhereARegexFindsThem() throws IOException {
        List<Path> files = sources();
        assertThat(files).hasSizeGreaterThan(50);
        for (Path f : files) {
            String text = Files.readString(f);
            try (SyntaxTree tree = SyntaxTree.parse(text)) {
                for (String word : List.of("import", "self", "super", "transformers", "def", "class", "config")) {
                    List<String> expected = new ArrayList<>();
                    Matcher m = WORD.matcher(text);
                    while (m.find()) {
                        if (m.group().equals(word)) expected.add(bytes(text, m.start()) + "-" + bytes(text, m.end()));
                    }
                    assertThat(tree.wordsAt(List.of(word)).stream().map(s -> s[0] + "-" + s[1]).toList())
                            .as("%s in %s", word, f).isEqualTo(expected);
                }
                int mid = text.length() / 2;
                int from = bytes(text, mid);
                assertThat(tree.wordsAt(List.of("self"), from, Integer.MAX_VALUE))
                        .allSatisfy(s -> assertThat(s[0]).isGreaterThanOrEqualTo(from));
            }
        }
    }

    @Test
    void nodesAreTheOnesTheRootWouldFind() throws IOException {
        int checked = 0;
        for (Path f : sources()) {
            String text = Files.readString(f);
            try (SyntaxTree tree = SyntaxTree.parse(text)) {
                Matcher m = WORD.matcher(text);
                while (m.find()) {
                    int s = bytes(text, m.start());
                    int e = bytes(text, m.end());
                    TSNode plain = tree.root().getNamedDescendantForByteRange(s, e);
                    TSNode fast = tree.namedNodeAt(s, e);
                    assertThat(TSNode.eq(plain, fast)).as("%s at %d-%d", f, s, e).isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    private static int bytes(String text, int charIndex) {
        return text.substring(0, charIndex).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
