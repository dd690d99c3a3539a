package dev.fitcheck.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fitcheck.version.Version;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A keyword renamed by a decorator, the way transformers renamed Trainer's {@code tokenizer} to
 * {@code processing_class} in 4.46 and kept the old name working through
 * {@code @deprecate_kwarg("tokenizer", new_name="processing_class", version="5.0.0", raise_if_both_names=True)}
 * until 5.0.0 dropped the decorator: three releases written as wheels, catalogued, stored and read back.
 */
class RenamedKeywordsTest {

    @TempDir
    static Path dir;
    static ApiCatalogue catalogue;
    static byte[] stored;

    private static final String INIT = "from .trainer import Trainer, Seq2SeqTrainer, forward\n";

    @BeforeAll
    static void build() throws IOException {
        Path v1 = TinyWheel.of("trainpkg", "1.0").file("trainpkg/__init__.py", INIT).file("trainpkg/trainer.py", """
                class Trainer:
                    def __init__(self, model=None, tokenizer=None):
                        pass
                class Seq2SeqTrainer(Trainer):
                    def __init__(self, model=None, tokenizer=None):
                        pass
                def forward(hidden_states, past_key_value=None):
                    pass
                """).writeTo(Files.createDirectories(dir.resolve("1.0")));
        Path v2 = TinyWheel.of("trainpkg", "1.1").file("trainpkg/__init__.py", INIT).file("trainpkg/trainer.py", """
                from .utils.deprecation import deprecate_kwarg
                class Trainer:
                    @deprecate_kwarg("tokenizer", new_name="processing_class", version="2.0", raise_if_both_names=True)
                    def __init__(self, model=None, processing_class=None):
                        pass
                class Seq2SeqTrainer(Trainer):
                    @deprecate_kwarg("tokenizer", new_name="processing_class", version="2.0", raise_if_both_names=True)
                    def __init__(self, model=None, processing_class=None):
                        pass
                @deprecate_kwarg("past_key_value", "2.0", new_name="past_key_values")
                def forward(hidden_states, past_key_values=None):
                    pass
                """).writeTo(Files.createDirectories(dir.resolve("1.1")));
        Path v3 = TinyWheel.of("trainpkg", "2.0").file("trainpkg/__init__.py", INIT).file("trainpkg/trainer.py", """
                class Trainer:
                    def __init__(self, model=None, processing_class=None):
                        pass
                class Seq2SeqTrainer(Trainer):
                    def __init__(self, model=None, processing_class=None):
                        pass
                def forward(hidden_states, past_key_values=None):
                    pass
                """).writeTo(Files.createDirectories(dir.resolve("2.0")));
        catalogue = new CatalogueBuilder().build(CatalogueBuildRequest.of("trainpkg", List.of(
                new ReleaseInput(Version.parse("2.0"), v3), new ReleaseInput(Version.parse("1.0"), v1),
                new ReleaseInput(Version.parse("1.1"), v2))).withThreads(2)).catalogue();
        stored = bytes(catalogue);
    }

    private static byte[] bytes(ApiCatalogue c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogueStore.write(c, out);
        return out.toByteArray();
    }

    @Test
    void theOldKeywordIsAcceptedWhileTheDecoratorIsThere() {
        for (String cls : List.of("Trainer", "Seq2SeqTrainer")) {
            ApiPath p = ApiPath.name("trainpkg", cls);
            assertThat(catalogue.acceptsKeyword(p, "tokenizer")).as(cls).hasToString("0-1");
            assertThat(catalogue.acceptsKeyword(p, "processing_class")).as(cls).hasToString("1-2");
            assertThat(catalogue.acceptsKeyword(p, "feature_extractor").isEmpty()).as(cls).isTrue();
        }
        ApiPath forward = ApiPath.name("trainpkg", "forward");
        assertThat(catalogue.acceptsKeyword(forward, "past_key_value")).hasToString("0-1");
        assertThat(catalogue.acceptsKeyword(forward, "past_key_values")).hasToString("1-2");
    }

    @Test
    void theSignatureNamesTheRenamedKeywordAfterTheParameters() {
        assertThat(catalogue.signatures(ApiPath.name("trainpkg", "Seq2SeqTrainer")))
                .extracting(s -> s.value().toString(), s -> s.versions().toString()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("self, model=, tokenizer=", "0"),
                        org.assertj.core.groups.Tuple.tuple("self, model=, processing_class=, tokenizer->processing_class", "1"),
                        org.assertj.core.groups.Tuple.tuple("self, model=, processing_class=", "2"));
        Signature decorated = catalogue.signatures(ApiPath.name("trainpkg", "forward")).get(1).value();
        assertThat(decorated.names()).containsExactly("hidden_states", "past_key_values");
        assertThat(decorated.aliases()).containsExactly(new Signature.Alias("past_key_value", "past_key_values"));
    }

    @Test
    void theStoreWritesFormatVersion3AndReadsTheRenamesBack() throws IOException {
        var doc = new ObjectMapper().readTree(new GZIPInputStream(new ByteArrayInputStream(stored)));
        assertThat(doc.path("formatVersion").asInt()).isEqualTo(3);
        assertThat(doc.path("signatures").toString()).contains("\"self, model=, processing_class=, tokenizer->processing_class\"");
        Path file = dir.resolve("trainpkg.json.gz");
        Files.write(file, stored);
        ApiCatalogue back = CatalogueStore.read(file);
        assertThat(back.modules()).isEqualTo(catalogue.modules());
        assertThat(bytes(back)).isEqualTo(stored);
        assertThat(back.acceptsKeyword(ApiPath.name("trainpkg", "Trainer"), "tokenizer")).hasToString("0-1");
        // without the release that has the decorator, nothing needs version 3
        var without = new ObjectMapper().readTree(new GZIPInputStream(new ByteArrayInputStream(
                bytes(catalogue.select(List.of("1.0", "2.0"))))));
        assertThat(without.path("formatVersion").asInt()).isEqualTo(1);
    }

    @Test
    void theTextFormRoundTrips() {
        for (String text : List.of("self, model=, processing_class=, tokenizer->processing_class",
                "x, /, *args, c=, **kwargs, a->b, b->c", "*, c=, a->b", "a->b")) {
            assertThat(Signature.parse(text)).hasToString(text);
        }
        Signature s = Signature.parse("self, *, c=, a->b, b->c");
        assertThat(s.acceptsKeyword("a")).isTrue();
        assertThat(s.acceptsKeyword("b")).isTrue();
        assertThat(s.acceptsKeyword("self")).isTrue();
        assertThat(s.acceptsKeyword("d")).isFalse();
        assertThat(s).isNotEqualTo(Signature.parse("self, *, c=, a->b")).isEqualTo(Signature.parse("self, *, c=, a->b, b->c"));
        assertThatThrownBy(() -> Signature.parse("a->b, c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signature.parse("a->")).isInstanceOf(IllegalArgumentException.class);
    }
}
