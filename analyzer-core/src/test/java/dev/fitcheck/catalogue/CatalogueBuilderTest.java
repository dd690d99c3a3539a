package dev.fitcheck.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.version.Version;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A package of three releases, written as real wheels, catalogued and queried: the moves a real
 * library makes between releases (a module removed, a method added in a subclass, a keyword added,
 * a signature changed in a base class), each visible through the lazy top-level exports.
 */
class CatalogueBuilderTest {

    @TempDir
    static Path dir;
    static Path v10;
    static Path v11;
    static Path v20;
    static ApiCatalogue catalogue;

    private static final String INIT = """
            from typing import TYPE_CHECKING
            _import_structure = {"core": ["Engine", "run"]}
            if TYPE_CHECKING:
                from .core import Engine, run
            else:
                import sys
                sys.modules[__name__] = _LazyModule(__name__, globals()["__file__"], _import_structure)
            """;

    @BeforeAll
    static void build() throws IOException {
        Files.createDirectories(dir.resolve("1.0"));
        Files.createDirectories(dir.resolve("1.1"));
        Files.createDirectories(dir.resolve("2.0"));
        v10 = TinyWheel.of("tinypkg", "1.0")
                .file("tinypkg/__init__.py", INIT)
                .file("tinypkg/core.py", """
                        class Base:
                            def start(self, a, b=1):
                                pass
                        class Engine(Base):
                            speed = 1
                            def stop(self):
                                pass
                        def run(x, *, fast=False):
                            pass
                        """)
                .file("tinypkg/old.py", "class Legacy:\n    pass\nNORM_LAYERS = [Legacy]\n")
                .requires("numpy>=1.20")
                .writeTo(dir.resolve("1.0"));
        v11 = TinyWheel.of("tinypkg", "1.1")
                .file("tinypkg/__init__.py", INIT)
                .file("tinypkg/core.py", """
                        from dataclasses import dataclass
                        class Base:
                            def start(self, a, b=1):
                                pass
                        class Engine(Base):
                            speed = 1
                            def stop(self):
                                pass
                            def pause(self):
                                pass
                        def run(x, *, fast=False, verbose=False):
                            pass
                        @dataclass
                        class Options:
                            fast: bool = False
                        """)
                .file("tinypkg/old.py", "class Legacy:\n    pass\n")
                .requires("numpy>=1.20")
                .writeTo(dir.resolve("1.1"));
        v20 = TinyWheel.of("tinypkg", "2.0")
                .file("tinypkg/__init__.py", INIT)
                .file("tinypkg/core.py", """
                        from dataclasses import dataclass
                        class Base:
                            def start(self, a, *, b=1, c=2):
                                pass
                        class Engine(Base):
                            speed = 2
                            def pause(self):
                                pass
                        def run(x, *, fast=False, verbose=False):
                            pass
                        @dataclass
                        class Options:
                            fast: bool = False
                        """)
                .file("tinypkg/new.py", "class Fresh:\n    pass\n")
                .requires("numpy>=2")
                .writeTo(dir.resolve("2.0"));
        catalogue = buildFrom(List.of(release("1.1", v11), release("2.0", v20), release("1.0", v10)), null).catalogue();
    }

    private static ReleaseInput release(String v, Path wheel) {
        return new ReleaseInput(Version.parse(v), wheel);
    }

    private static CatalogueBuildResult buildFrom(List<ReleaseInput> releases, ApiCatalogue base) {
        CatalogueBuildRequest r = CatalogueBuildRequest.of("tinypkg", releases).withThreads(2);
        return new CatalogueBuilder().build(base == null ? r : r.extending(base));
    }

    private static byte[] bytes(ApiCatalogue c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogueStore.write(c, out);
        return out.toByteArray();
    }

    @Test
    void versionsAreSortedWhateverTheOrderGiven() {
        assertThat(catalogue.pythonVersions()).extracting(Version::toString).containsExactly("1.0", "1.1", "2.0");
        assertThat(catalogue.topLevelModules()).containsExactly("tinypkg");
    }

    @Test
    void aRemovedModuleHasAnUpperBoundAndAFirstVersionWithout() {
        ApiPath legacy = ApiPath.name("tinypkg.old", "Legacy");
        assertThat(catalogue.modulePresence("tinypkg.old")).hasToString("0-1");
        assertThat(catalogue.availability(legacy)).hasToString(">=1.0,<2.0");
        assertThat(catalogue.firstVersionWithout(legacy)).contains(Version.parse("2.0"));
        assertThat(catalogue.firstVersionWith(ApiPath.module("tinypkg.new"))).contains(Version.parse("2.0"));
        assertThat(catalogue.availability(ApiPath.module("tinypkg.new"))).hasToString(">=2.0");
    }

    @Test
    void lazyExportsAreNamesOfThePackageLeadingToTheirDefinition() {
        NameApi engine = catalogue.name("tinypkg", "Engine").orElseThrow();
        assertThat(engine.variants()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(SymbolKind.IMPORT);
            assertThat(v.target()).isEqualTo("tinypkg.core:Engine");
            assertThat(v.typeOnly()).isFalse();
        });
        assertThat(catalogue.namePresence("tinypkg", "Engine")).hasToString("0-2");
        assertThat(catalogue.starExports("tinypkg", 0)).containsExactly("Engine", "run");
    }

    @Test
    void membersAreFoundThroughReExportsAndBaseClasses() {
        assertThat(catalogue.memberPresence("tinypkg", "Engine", "stop").present()).hasToString("0-1");
        assertThat(catalogue.memberPresence("tinypkg", "Engine", "pause").present()).hasToString("1-2");
        assertThat(catalogue.memberPresence("tinypkg", "Engine", "start").present()).hasToString("0-2"); // from Base
        assertThat(catalogue.memberPresence("tinypkg", "Engine", "speed").present()).hasToString("0-2");
        assertThat(catalogue.memberPresence("tinypkg", "Engine", "missing").present().isEmpty()).isTrue();
        assertThat(catalogue.split("tinypkg.Engine.pause")).contains(ApiPath.member("tinypkg", "Engine", "pause"));
    }

    @Test
    void whatPythonGivesEveryClassIsPresentWhereverTheClassIs() {
        // super().__init__() in a subclass of Engine: neither Engine nor Base defines __init__, object does
        assertThat(catalogue.memberPresence("tinypkg", "Engine", "__init__").present()).hasToString("0-2");
        assertThat(catalogue.memberPresence("tinypkg.old", "Legacy", "__repr__").present()).hasToString("0-1");
        assertThat(catalogue.memberPresence("tinypkg", "Engine", "__mro__").present()).hasToString("0-2");
        assertThat(catalogue.memberPresence("tinypkg.old", "Legacy", "__name__").present()).hasToString("0-1");
        // a @dataclass's generated __init__ and __eq__, which its source does not write
        assertThat(catalogue.memberPresence("tinypkg.core", "Options", "__init__").present()).hasToString("1-2");
        assertThat(catalogue.memberPresence("tinypkg.core", "Options", "__eq__").present()).hasToString("1-2");
        assertThat(catalogue.memberPresence("tinypkg.core", "Options", "__init__").undecided().isEmpty()).isTrue();
        // object's are on every value; type's only on classes
        assertThat(catalogue.memberPresence("tinypkg.old", "NORM_LAYERS", "__class__").present()).hasToString("0");
        ApiCatalogue.MemberPresence mro = catalogue.memberPresence("tinypkg.old", "NORM_LAYERS", "__mro__");
        assertThat(mro.present().isEmpty()).isTrue();
        assertThat(mro.undecided()).hasToString("0");
        // nothing where the class is not, nor for a name no release has
        assertThat(catalogue.memberPresence("tinypkg.core", "Options", "__init__").present().contains(0)).isFalse();
        assertThat(catalogue.memberPresence("tinypkg", "Missing", "__init__").present().isEmpty()).isTrue();
        assertThat(catalogue.memberPresence("tinypkg", "Engine", "__abstractmethods__").present().isEmpty()).isTrue();
        assertThat(catalogue.presence(ApiPath.member("tinypkg", "Engine", "__init__"))).hasToString("0-2");
    }

    @Test
    void anAttributeOfAVariableOrFunctionIsUndecidedWhereTheNameExists() {
        // NORM_LAYERS.append: a list's method, which no catalogue of the package can prove absent.
        ApiCatalogue.MemberPresence append = catalogue.memberPresence("tinypkg.old", "NORM_LAYERS", "append");
        assertThat(append.present().isEmpty()).isTrue();
        assertThat(append.undecided()).hasToString("0");
        assertThat(catalogue.memberPresence("tinypkg.core", "run", "__wrapped__").undecided()).hasToString("0-2");
        // A class's missing member stays proven absent.
        assertThat(catalogue.memberPresence("tinypkg.old", "Legacy", "append").undecided().isEmpty()).isTrue();
    }

    @Test
    void signaturesPerVersionAnswerWhichKeywordsACallMayPass() {
        ApiPath run = ApiPath.name("tinypkg", "run");
        assertThat(catalogue.signatures(run)).extracting(s -> s.value().toString(), s -> s.versions().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("x, *, fast=", "0"),
                        org.assertj.core.groups.Tuple.tuple("x, *, fast=, verbose=", "1-2"));
        assertThat(catalogue.acceptsKeyword(run, "verbose")).hasToString("1-2");
        ApiPath start = ApiPath.member("tinypkg", "Engine", "start");
        assertThat(catalogue.acceptsKeyword(start, "c")).hasToString("2");
        assertThat(catalogue.signatures(ApiPath.member("tinypkg.core", "Engine", "start")))
                .extracting(s -> s.value().names()).containsExactly(List.of("self", "a", "b"), List.of("self", "a", "b", "c"));
    }

    @Test
    void requirementsAreKeptPerRelease() {
        assertThat(catalogue.requirementsAt(0)).containsExactly("numpy>=1.20");
        assertThat(catalogue.requirementsAt(2)).containsExactly("numpy>=2");
    }

    @Test
    void extendingWithAReleaseInTheMiddleGivesTheSameBytesAsBuildingAllAtOnce() throws IOException {
        ApiCatalogue partial = buildFrom(List.of(release("1.0", v10), release("2.0", v20)), null).catalogue();
        assertThat(partial.modulePresence("tinypkg.old")).hasToString("0");
        CatalogueBuildResult extended = buildFrom(List.of(release("1.0", v10), release("1.1", v11)), partial);
        assertThat(extended.added()).containsExactly(Version.parse("1.1"));
        assertThat(extended.alreadyPresent()).containsExactly(Version.parse("1.0"));
        assertThat(bytes(extended.catalogue())).isEqualTo(bytes(catalogue));
    }

    @Test
    void theStoreWritesTheSameBytesForTheSameCatalogueAndReadsThemBack() throws IOException {
        Path file = dir.resolve("tinypkg.json.gz");
        CatalogueStore.write(catalogue, file);
        ApiCatalogue read = CatalogueStore.read(file);
        assertThat(bytes(read)).isEqualTo(Files.readAllBytes(file));
        assertThat(bytes(buildFrom(List.of(release("1.0", v10), release("1.1", v11), release("2.0", v20)), null).catalogue()))
                .isEqualTo(Files.readAllBytes(file));
        assertThat(read.memberPresence("tinypkg", "Engine", "pause").present()).hasToString("1-2");
    }

    @Test
    void aBrokenReleaseIsReportedAndTheOthersAreCatalogued() throws IOException {
        Path broken = dir.resolve("tinypkg-1.5-py3-none-any.whl");
        Files.write(broken, new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2});
        Path wrongVersion = v20;
        List<ReleaseInput> in = new ArrayList<>(List.of(release("1.0", v10), release("1.5", broken), release("1.6", wrongVersion)));
        CatalogueBuildResult r = buildFrom(in, null);
        assertThat(r.added()).containsExactly(Version.parse("1.0"));
        assertThat(r.problems()).extracting(ReleaseProblem::sentence).satisfiesExactly(
                s -> assertThat(s).startsWith(broken + ": not a readable zip archive"),
                s -> assertThat(s).isEqualTo(v20 + " is version 2.0, not 1.6"));
    }
}
