package dev.fitcheck.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordConflictCheckTest {

    private static final Path RULES = Path.of(System.getProperty("fitcheck.repo", "../"), "rules", "lints.yaml");
    private final KeywordConflictCheck check = new KeywordConflictCheck(LintRules.load(RULES));

    private List<LintFinding> findings(String source) {
        return check.check(Path.of("builder.py"), source);
    }

    @Test
    void bothKeywordsThroughAKwargsDictInOneBranch() {
        List<LintFinding> f = findings("""
                def load(path, load_8bit=False, load_4bit=False):
                    kwargs = {"device_map": "auto"}
                    if load_8bit:
                        kwargs['load_in_8bit'] = True
                    elif load_4bit:
                        kwargs['load_in_4bit'] = True
                        kwargs['quantization_config'] = BitsAndBytesConfig(load_in_4bit=True)
                    else:
                        kwargs['torch_dtype'] = "float16"
                    tries = 0
                    while True:
                        try:
                            model = Model.from_pretrained(path, low_cpu_mem_usage=True, **kwargs)
                            break
                        except Exception as e:
                            tries += 1
                            if tries == 5: raise ConnectionError("Failed to download/reload model weights.")
                    return model
                """);
        assertThat(f).hasSize(1);
        LintFinding finding = f.get(0);
        assertThat(finding.call().display()).isEqualTo("builder.py:13:21");
        assertThat(finding.keywords()).containsExactly("load_in_4bit", "quantization_config");
        assertThat(finding.keywordSites()).extracting(s -> s.line()).containsExactly(6, 7);
        assertThat(finding.maskedAt()).map(s -> s.line()).contains(17);
        assertThat(finding.maskedAs()).contains("ConnectionError");
        assertThat(finding.message()).contains("transformers >=4.38.0 rejects the pair")
                .endsWith("The retry loop at builder.py:17:28 re-raises it as ConnectionError, which hides the cause.");
    }

    @Test
    void settingsInExclusiveBranchesDoNotConflict() {
        assertThat(findings("""
                def load(q):
                    kwargs = {}
                    if q:
                        kwargs['load_in_8bit'] = True
                    else:
                        kwargs['quantization_config'] = cfg
                    return M.from_pretrained("p", **kwargs)
                """)).isEmpty();
    }

    @Test
    void directKeywordsAndDictLiteralsAndUpdate() {
        assertThat(findings("M.from_pretrained('p', load_in_4bit=True, quantization_config=c)\n")).hasSize(1);
        assertThat(findings("""
                def f():
                    kw = dict(load_in_8bit=True)
                    kw.update(quantization_config=c)
                    return M.from_pretrained('p', **kw)
                """)).singleElement().satisfies(x -> assertThat(x.keywords()).containsExactly("load_in_8bit", "quantization_config"));
        assertThat(findings("M.from_pretrained('p', quantization_config=c)\n")).isEmpty();
    }

    @Test
    void settingsAfterTheCallDoNotReachIt() {
        assertThat(findings("""
                def f():
                    kw = {'load_in_4bit': True}
                    m = M.from_pretrained('p', **kw)
                    kw['quantization_config'] = c
                    return m
                """)).isEmpty();
    }
}
