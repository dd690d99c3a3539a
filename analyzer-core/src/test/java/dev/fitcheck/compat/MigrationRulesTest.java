package dev.fitcheck.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.catalogue.CatalogueStore;
import dev.fitcheck.version.Version;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * rules/migrations cannot drift from the wheels: every rule's symbol must exist in the prebuilt
 * catalogue, and its removed_in must be the first catalogued release without it.
 */
class MigrationRulesTest {

    private static final Path RULES = Path.of(System.getProperty("fitcheck.repo", "..")).resolve("rules");

    @Test
    void everyRemovalIsTheFirstCataloguedReleaseWithoutTheSymbol() {
        MigrationRules rules = MigrationRules.load(RULES.resolve("migrations"));
        assertThat(rules.all()).isNotEmpty();
        for (MigrationRule rule : rules.all()) {
            CatalogueHistory history = new CatalogueHistory(
                    CatalogueStore.read(RULES.resolve("catalogues").resolve(rule.distribution() + ".json.gz")));
            SymbolPresence presence = history.presence(rule.symbol()).orElseThrow(
                    () -> new AssertionError(rule.symbol() + " is in no catalogued release"));
            assertThat(presence.qualifiedName()).as("resolved as written").isEqualTo(rule.symbol());
            BitSet has = presence.releases();
            List<Version> releases = history.releases();
            int last = has.length() - 1;
            assertThat(last).as(rule.symbol() + " is still in the newest release").isLessThan(releases.size() - 1);
            assertThat(releases.get(last + 1)).as("first release without " + rule.symbol())
                    .isEqualTo(Version.parse(rule.removedIn()));
        }
    }

    @Test
    void theVidiRemovalsHaveRules() {
        MigrationRules rules = MigrationRules.load(RULES.resolve("migrations"));
        for (String symbol : List.of("transformers.models.mistral.modeling_mistral.MistralFlashAttention2",
                "transformers.cache_utils.HybridCache", "transformers.trainer.ALL_LAYERNORM_LAYERS")) {
            assertThat(rules.forSymbol("transformers", symbol)).as(symbol).isPresent();
        }
    }
}
