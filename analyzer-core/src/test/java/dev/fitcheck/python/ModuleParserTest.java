package dev.fitcheck.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModuleParserTest {

    private static ModuleSummary parse(String src) {
        return parse(src.getBytes(StandardCharsets.UTF_8));
    }

    private static ModuleSummary parse(byte[] src) {
        try (ModuleParser p = new ModuleParser()) {
            return p.parse("pkg.mod", "pkg/mod.py", false, src);
        }
    }

    /** name -> "KIND" or "KIND typeOnly", last binding winning, for compact assertions. */
    private static Map<String, String> names(ModuleSummary s) {
        return s.names().stream().collect(Collectors.toMap(BoundName::name,
                b -> b.kind() + (b.typeOnly() ? " typeOnly" : ""), (a, b) -> a + "|" + b, java.util.TreeMap::new));
    }

    @Test
    void everyBranchBindsAndTypeCheckingIsTypeOnly() {
        ModuleSummary s = parse("""
                from typing import TYPE_CHECKING
                import typing
                try:
                    import torch
                except ImportError:
                    torch = None
                else:
                    HAS_TORCH = True
                finally:
                    DONE = 1
                if TYPE_CHECKING:
                    from .x import OnlyForTypes
                elif typing.TYPE_CHECKING:
                    Also = int
                else:
                    Runtime = 1
                for i, (j, *k) in []:
                    pass
                with open("f") as (fa, fb):
                    pass
                while False:
                    W = 1
                """);
        assertThat(names(s)).containsEntry("torch", "IMPORT|VARIABLE")
                .containsEntry("HAS_TORCH", "VARIABLE").containsEntry("DONE", "VARIABLE")
                .containsEntry("OnlyForTypes", "IMPORT typeOnly").containsEntry("Also", "VARIABLE typeOnly")
                .containsEntry("Runtime", "VARIABLE").containsEntry("i", "VARIABLE").containsEntry("j", "VARIABLE")
                .containsEntry("k", "VARIABLE").containsEntry("fa", "VARIABLE").containsEntry("fb", "VARIABLE")
                .containsEntry("W", "VARIABLE");
    }

    @Test
    void whatBindsNothing() {
        ModuleSummary s = parse("""
                annotated: int
                try:
                    pass
                except ValueError as err:
                    pass
                def f():
                    global G
                    G = 1
                obj.attr = 1
                d["k"] = 2
                """);
        assertThat(names(s)).containsOnlyKeys("f");
    }

    @Test
    void importFormsAndTheirSources() {
        ModuleSummary s = parse("""
                import a.b.c
                import d.e as f
                from .x import y as z
                from .. import up
                from __future__ import annotations
                from m import *
                """);
        assertThat(s.names()).extracting(BoundName::name, b -> b.source().written(), b -> b.source().name(), BoundName::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", "a", null, 1),
                        org.assertj.core.groups.Tuple.tuple("f", "d.e", null, 2),
                        org.assertj.core.groups.Tuple.tuple("z", ".x", "y", 3),
                        org.assertj.core.groups.Tuple.tuple("up", "..", "up", 4),
                        org.assertj.core.groups.Tuple.tuple("annotations", "__future__", "annotations", 5));
        assertThat(s.starImports()).singleElement().satisfies(st -> {
            assertThat(st.source().written()).isEqualTo("m");
            assertThat(st.line()).isEqualTo(6);
        });
    }

    @Test
    void dunderAllInEveryForm() {
        ModuleSummary s = parse("""
                __all__ = ["a", "b"] + ["c"]
                __all__ += ("d",)
                __all__.append("e")
                __all__.extend(["f"])
                """);
        assertThat(s.dunderAll()).contains(List.of("a", "b", "c", "d", "e", "f"));
        assertThat(s.dunderAllComplete()).isTrue();

        ModuleSummary computed = parse("__all__ = [\"a\"] + other.__all__\n");
        assertThat(computed.dunderAll()).contains(List.of("a"));
        assertThat(computed.dunderAllComplete()).isFalse();
    }

    @Test
    void transformersImportStructureWithItsLaterEdits() {
        ModuleSummary s = parse("""
                _import_structure = {"configuration_x": ["XConfig"], "tokenization_x": []}
                try:
                    if not is_torch_available():
                        raise OptionalDependencyNotAvailable()
                except OptionalDependencyNotAvailable:
                    from .utils import dummy_pt_objects
                    _import_structure["utils.dummy_pt_objects"] = [n for n in dir(dummy_pt_objects)]
                else:
                    _import_structure["modeling_x"] = ["XModel"]
                    _import_structure["modeling_x"].extend(["XPreTrainedModel"])
                    _import_structure["modeling_x"].append("XForCausalLM")
                _import_structure.update({"processing_x": ["XProcessor"]})
                """);
        assertThat(s.lazyExports().importStructure()).containsExactly(
                Map.entry("configuration_x", List.of("XConfig")),
                Map.entry("tokenization_x", List.of()),
                Map.entry("modeling_x", List.of("XModel", "XPreTrainedModel", "XForCausalLM")),
                Map.entry("processing_x", List.of("XProcessor")));
        assertThat(s.lazyExports().definesImportStructure()).isFalse();
    }

    @Test
    void defineImportStructureIsSeenInTheLazyModuleAssignment() {
        ModuleSummary s = parse("""
                from typing import TYPE_CHECKING
                from ...utils.import_utils import define_import_structure
                if TYPE_CHECKING:
                    from .modeling_x import *
                else:
                    import sys
                    _file = globals()["__file__"]
                    sys.modules[__name__] = _LazyModule(__name__, _file, define_import_structure(_file), module_spec=__spec__)
                """);
        assertThat(s.lazyExports().definesImportStructure()).isTrue();
        assertThat(s.starImports()).singleElement().matches(StarImport::typeOnly);
    }

    @Test
    void submodAttrsAndAnAssignedModuleGetattrAreLazyExports() {
        // huggingface_hub/__init__.py, 0.15.1 to 2.x, cut down: the vendored lazy_loader attach
        ModuleSummary s = parse("""
                import importlib
                from typing import TYPE_CHECKING
                _SUBMOD_ATTRS = {
                    "file_download": [
                        "hf_hub_download",
                        "hf_hub_url",
                    ],
                    "hf_api": ["HfApi"],
                }
                def _attach(package_name, submodules=None, submod_attrs=None):
                    attr_to_modules = {attr: mod for mod, attrs in submod_attrs.items() for attr in attrs}
                    def __getattr__(name):
                        return getattr(importlib.import_module(f"{package_name}.{attr_to_modules[name]}"), name)
                    return __getattr__, lambda: list(attr_to_modules)
                __getattr__, __dir__ = _attach(__name__, submodules=[], submod_attrs=_SUBMOD_ATTRS)
                if TYPE_CHECKING:
                    from .file_download import hf_hub_download, hf_hub_url
                    from .hf_api import HfApi
                """);
        assertThat(s.lazyExports().importStructure()).containsExactly(
                Map.entry("file_download", List.of("hf_hub_download", "hf_hub_url")),
                Map.entry("hf_api", List.of("HfApi")));
        assertThat(s.lazyExports().moduleGetattr()).isTrue();
        assertThat(s.lazyExports().definesImportStructure()).isFalse();
    }

    @Test
    void lazyLoaderAttachWithItsStructureWrittenInTheCall() {
        ModuleSummary s = parse("""
                import lazy_loader as lazy
                __getattr__, __dir__, __all__ = lazy.attach(
                    __name__,
                    submodules=["filters"],
                    submod_attrs={"io": ["imread", "imsave"], "color": ["rgb2gray"]},
                )
                """);
        assertThat(s.lazyExports().importStructure()).containsExactly(
                Map.entry("io", List.of("imread", "imsave")),
                Map.entry("color", List.of("rgb2gray")));
        assertThat(s.lazyExports().moduleGetattr()).isTrue();
    }

    @Test
    void onlyAModuleLevelGetattrCounts() {
        assertThat(parse("def __getattr__(name):\n    raise AttributeError(name)\n").lazyExports().moduleGetattr()).isTrue();
        ModuleSummary nested = parse("""
                from typing import TYPE_CHECKING
                def make():
                    def __getattr__(name):
                        pass
                    return __getattr__
                class C:
                    def __getattr__(self, name):
                        pass
                if TYPE_CHECKING:
                    def __getattr__(name): ...
                """);
        assertThat(nested.lazyExports().moduleGetattr()).isFalse();
        assertThat(nested.lazyExports().any()).isFalse();
    }

    @Test
    void classesWithBasesMembersAndParameters() {
        ModuleSummary s = parse("""
                class Model(PreTrainedModel, nn.Module, Generic[T], metaclass=Meta):
                    config_class = Config
                    loss: Optional[float] = None
                    hidden: int
                    a = b = 0
                    class Inner:
                        pass
                    def __init__(self, config, /, x, *args, y=1, **kwargs):
                        super().__init__()
                    @property
                    def size(self) -> int:
                        return 1
                    @size.setter
                    def size(self, value):
                        pass
                    @functools.cached_property
                    def cached(self):
                        return 2
                    @staticmethod
                    async def helper(*, key: str = "k"):
                        pass
                    if DEBUG:
                        def debug(self):
                            pass
                """);
        ClassSummary c = s.classes().get(0);
        assertThat(c.bases()).containsExactly("PreTrainedModel", "nn.Module", "Generic[T]");
        assertThat(c.members()).extracting(ClassMember::name, m -> m.kind().name()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("config_class", "ATTRIBUTE"),
                org.assertj.core.groups.Tuple.tuple("loss", "ATTRIBUTE"),
                org.assertj.core.groups.Tuple.tuple("hidden", "ATTRIBUTE"),
                org.assertj.core.groups.Tuple.tuple("a", "ATTRIBUTE"),
                org.assertj.core.groups.Tuple.tuple("b", "ATTRIBUTE"),
                org.assertj.core.groups.Tuple.tuple("Inner", "CLASS"),
                org.assertj.core.groups.Tuple.tuple("__init__", "METHOD"),
                org.assertj.core.groups.Tuple.tuple("size", "PROPERTY"),
                org.assertj.core.groups.Tuple.tuple("size", "PROPERTY"),
                org.assertj.core.groups.Tuple.tuple("cached", "PROPERTY"),
                org.assertj.core.groups.Tuple.tuple("helper", "METHOD"),
                org.assertj.core.groups.Tuple.tuple("debug", "METHOD"));
        ClassMember init = c.members().get(6);
        assertThat(init.line()).isEqualTo(8);
        assertThat(init.signature().parameters()).extracting(Parameter::name, Parameter::kind, Parameter::hasDefault)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("self", ParameterKind.POSITIONAL_ONLY, false),
                        org.assertj.core.groups.Tuple.tuple("config", ParameterKind.POSITIONAL_ONLY, false),
                        org.assertj.core.groups.Tuple.tuple("x", ParameterKind.POSITIONAL_OR_KEYWORD, false),
                        org.assertj.core.groups.Tuple.tuple("args", ParameterKind.VAR_POSITIONAL, false),
                        org.assertj.core.groups.Tuple.tuple("y", ParameterKind.KEYWORD_ONLY, true),
                        org.assertj.core.groups.Tuple.tuple("kwargs", ParameterKind.VAR_KEYWORD, false));
        assertThat(init.signature().acceptsKeyword("y")).isTrue();
        assertThat(init.signature().acceptsKeyword("config")).isTrue(); // through **kwargs
        assertThat(c.members().get(10).signature().parameters()).extracting(Parameter::name, Parameter::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("key", ParameterKind.KEYWORD_ONLY));
    }

    @Test
    void positionalOnlyParametersAreNotKeywords() {
        ModuleSummary s = parse("def f(a, b, /, c):\n    pass\n");
        Parameters p = s.names().get(0).signature();
        assertThat(p.acceptsKeyword("a")).isFalse();
        assertThat(p.acceptsKeyword("c")).isTrue();
    }

    /** A def's aliases as {@code "old->new"}, in order. */
    private static List<String> aliases(Parameters p) {
        return p.aliases().stream().map(a -> a.name() + "->" + a.parameter()).toList();
    }

    private static Map<String, Parameters> members(ClassSummary c) {
        return c.members().stream().collect(Collectors.toMap(ClassMember::name, ClassMember::signature));
    }

    @Test
    void deprecateKwargRenamesAKeywordTheDefStillAccepts() {
        // the shapes transformers' own wheels use (4.46.1 trainer.py and trainer_seq2seq.py, 4.57.6
        // processing_utils.py and models, 5.24.0 models), each above a def as in the wheel
        ModuleSummary s = parse("""
                from ...utils.deprecation import deprecate_kwarg
                from transformers.utils import deprecation

                class Seq2SeqTrainer(Trainer):
                    @deprecate_kwarg("tokenizer", new_name="processing_class", version="5.0.0", raise_if_both_names=True)
                    def __init__(
                        self,
                        model: Union["PreTrainedModel", nn.Module] = None,
                        args: "TrainingArguments" = None,
                        processing_class: Optional["PreTrainedTokenizerBase"] = None,
                        model_init: Optional[Callable[[], "PreTrainedModel"]] = None,
                    ):
                        super().__init__(model=model, args=args, processing_class=processing_class)

                class LlamaAttention(nn.Module):
                    @deprecate_kwarg("past_key_value", new_name="past_key_values", version="4.58")
                    def forward(self, hidden_states, past_key_values=None, cache_position=None):
                        pass

                    @deprecate_kwarg("past_key_value", "4.58", new_name="past_key_values")
                    def five(self, hidden_states, past_key_values=None):
                        pass

                    @deprecate_kwarg(old_name="num_logits_to_keep", version="4.50", new_name="logits_to_keep")
                    @torch.no_grad()
                    def generate(self, input_ids, *, logits_to_keep=0):
                        pass

                    @deprecation.deprecate_kwarg(
                        "reduce_labels",  # the old name
                        version="4.41",
                        new_name="do_reduce_labels",
                    )
                    @property
                    def reduce(self, do_reduce_labels=False):
                        pass

                @deprecate_kwarg("num_logits_to_keep", version="4.50", new_name="logits_to_keep")
                def lce_forward(self, input_ids=None, logits_to_keep=0):
                    pass
                """);
        Map<String, Parameters> trainer = members(s.classes().get(0));
        Parameters init = trainer.get("__init__");
        assertThat(aliases(init)).containsExactly("tokenizer->processing_class");
        assertThat(init.acceptsKeyword("tokenizer")).isTrue();
        assertThat(init.acceptsKeyword("processing_class")).isTrue();
        assertThat(init.acceptsKeyword("feature_extractor")).isFalse();
        assertThat(init.parameters()).extracting(Parameter::name)
                .containsExactly("self", "model", "args", "processing_class", "model_init");

        Map<String, Parameters> attention = members(s.classes().get(1));
        assertThat(aliases(attention.get("forward"))).containsExactly("past_key_value->past_key_values");
        assertThat(aliases(attention.get("five"))).containsExactly("past_key_value->past_key_values");
        assertThat(aliases(attention.get("generate"))).containsExactly("num_logits_to_keep->logits_to_keep");
        assertThat(aliases(attention.get("reduce"))).containsExactly("reduce_labels->do_reduce_labels");
        assertThat(s.classes().get(1).members().get(3).kind()).isEqualTo(MemberKind.PROPERTY); // decorators still read

        BoundName lce = s.names().stream().filter(b -> b.name().equals("lce_forward")).findFirst().orElseThrow();
        assertThat(aliases(lce.signature())).containsExactly("num_logits_to_keep->logits_to_keep");
        assertThat(lce.signature().acceptsKeyword("num_logits_to_keep")).isTrue();
    }

    @Test
    void deprecateKwargAddsOnlyWhatACallCanReallyPass() {
        ModuleSummary s = parse("""
                class M:
                    # **kwargs takes the old name already: nothing to add
                    @deprecate_kwarg("past_key_value", new_name="past_key_values", version="4.58")
                    def with_kwargs(self, past_key_values=None, **kwargs):
                        pass

                    # no new name: the decorator warns and passes the old keyword on as it is
                    @deprecate_kwarg("max_size", version="6.0.0")
                    def warns_only(self, size=None):
                        pass

                    @deprecate_kwarg("max_size", version="6.0.0", new_name=None)
                    def new_name_none(self, size=None):
                        pass

                    # the new name is no parameter: the renamed call would fail
                    @deprecate_kwarg("old", new_name="missing", version="5")
                    def no_such_parameter(self, other=None):
                        pass

                    # a positional-only parameter cannot be passed by the name the decorator gives
                    @deprecate_kwarg("old", new_name="new", version="5")
                    def positional_only(self, new, /):
                        pass

                    # refused from the given version on, which the source cannot tell for a release
                    @deprecate_kwarg("old", new_name="new", version="5", raise_if_greater_or_equal_version=True)
                    def raises(self, new=None):
                        pass

                    @deprecate_kwarg("old", "5", "new", False, True)
                    def raises_positionally(self, new=None):
                        pass

                    @deprecate_kwarg("old", new_name="new", version="5", raise_if_greater_or_equal_version=False)
                    def does_not_raise(self, new=None):
                        pass

                    # names that are not plain literals, or a splat
                    @deprecate_kwarg(OLD, new_name="new", version="5")
                    def variable_old(self, new=None):
                        pass

                    @deprecate_kwarg(f"old", new_name="new", version="5")
                    def f_string(self, new=None):
                        pass

                    @deprecate_kwarg(*spec)
                    def splat(self, new=None):
                        pass

                    @deprecate_kwarg("not a name", new_name="new", version="5")
                    def not_an_identifier(self, new=None):
                        pass

                    # another decorator of that shape is not this one
                    @deprecate_kwargs("old", new_name="new", version="5")
                    def other_decorator(self, new=None):
                        pass

                    @deprecate_kwarg("old", new_name="new", version="5")
                    def old_is_a_parameter_too(self, old=None, new=None):
                        pass

                    # stacked: the outer decorator sees the def as the inner one leaves it
                    @deprecate_kwarg("a", new_name="b", version="5")
                    @deprecate_kwarg("b", new_name="c", version="5")
                    def chain(self, c=None):
                        pass

                    @deprecate_kwarg("b", new_name="c", version="5")
                    @deprecate_kwarg("a", new_name="b", version="5")
                    def chain_the_wrong_way(self, c=None):
                        pass

                    @deprecate_kwarg("x", new_name="y", version="5")
                    @deprecate_kwarg("x", new_name="z", version="5")
                    def twice(self, y=None, z=None):
                        pass
                """);
        Map<String, Parameters> m = members(s.classes().get(0));
        assertThat(aliases(m.get("with_kwargs"))).isEmpty();
        assertThat(m.get("with_kwargs").acceptsKeyword("past_key_value")).isTrue();
        for (String none : List.of("warns_only", "new_name_none", "no_such_parameter", "positional_only", "raises",
                "raises_positionally", "variable_old", "f_string", "splat", "not_an_identifier", "other_decorator",
                "old_is_a_parameter_too")) {
            assertThat(aliases(m.get(none))).as(none).isEmpty();
        }
        assertThat(m.get("warns_only").acceptsKeyword("max_size")).isFalse();
        assertThat(aliases(m.get("does_not_raise"))).containsExactly("old->new");
        assertThat(aliases(m.get("chain"))).containsExactly("a->b", "b->c");
        assertThat(aliases(m.get("chain_the_wrong_way"))).containsExactly("b->c");
        assertThat(m.get("chain_the_wrong_way").acceptsKeyword("a")).isFalse();
        assertThat(aliases(m.get("twice"))).containsExactly("x->y"); // the outer one renames x before the inner sees it
    }

    @Test
    void aSyntaxErrorKeepsWhatParsesAndNamesTheLine() {
        ModuleSummary s = parse("""
                import os

                def good():
                    pass

                def broken(:
                    pass

                class After:
                    pass
                """);
        assertThat(s.warnings()).singleElement().asString().startsWith("pkg/mod.py:6: syntax error");
        assertThat(names(s)).containsKeys("os", "good", "After");
    }

    @Test
    void linesAreTheOriginalOnesAfterCutsAndReuse() {
        String src = """
                \"\"\"Module docstring
                over lines.\"\"\"

                def f(
                    a: int = 1,
                ) -> None:
                    '''doc'''
                    return None

                X = {
                    1: 2,
                }
                class C:
                    y = 3
                """;
        ChunkCache cache = new ChunkCache(4);
        try (ModuleParser p = new ModuleParser(cache)) {
            ModuleSummary first = p.parse("m", "m.py", false, src.getBytes(StandardCharsets.UTF_8));
            // the same statements moved down by three lines: reused from the cache, lines still right
            ModuleSummary moved = p.parse("m", "m.py", false, ("\n\n# moved\n" + src).getBytes(StandardCharsets.UTF_8));
            assertThat(first.names()).extracting(BoundName::name, BoundName::line)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("f", 4), org.assertj.core.groups.Tuple.tuple("X", 10),
                            org.assertj.core.groups.Tuple.tuple("C", 13));
            assertThat(moved.names()).extracting(BoundName::line).containsExactly(7, 13, 16);
            assertThat(moved.classes().get(0).members().get(0).line()).isEqualTo(17);
        }
        assertThat(cache.size()).isPositive();
    }

    @Test
    void aLatin1CodingDeclarationIsHonoured() {
        byte[] src = "# -*- coding: latin-1 -*-\nNAME = 'caf\u00e9'\nclass Caf\u00e9Model:\n    pass\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        ModuleSummary s = parse(src);
        assertThat(s.warnings()).isEmpty();
        assertThat(names(s)).containsKeys("NAME", "Caf\u00e9Model");
    }

    @Test
    void undecodableBytesAreReplacedWithAWarning() {
        byte[] src = "X = 1\nY = '\u00ff'\nZ = 2\n".getBytes(StandardCharsets.ISO_8859_1);
        ModuleSummary s = parse(src);
        assertThat(s.warnings()).singleElement().asString()
                .isEqualTo("pkg/mod.py:2: not valid UTF-8 (a source must be UTF-8 or declare its encoding); undecodable bytes were replaced");
        assertThat(names(s)).containsKeys("X", "Y", "Z");
    }

    @Test
    void aByteOrderMarkIsDropped() {
        byte[] body = "class A:\n    pass\n".getBytes(StandardCharsets.UTF_8);
        byte[] src = new byte[body.length + 3];
        src[0] = (byte) 0xEF;
        src[1] = (byte) 0xBB;
        src[2] = (byte) 0xBF;
        System.arraycopy(body, 0, src, 3, body.length);
        assertThat(names(parse(src))).containsOnlyKeys("A");
    }
}
