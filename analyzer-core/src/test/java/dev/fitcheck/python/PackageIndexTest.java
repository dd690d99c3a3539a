package dev.fitcheck.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageIndexTest {

    /** Module sources as "module name", "source" pairs; a name ending in ".__init__" is a package. */
    private static PackageIndex index(String... moduleAndSource) {
        List<ModuleSummary> out = new ArrayList<>();
        try (ModuleParser p = new ModuleParser()) {
            for (int i = 0; i < moduleAndSource.length; i += 2) {
                String m = moduleAndSource[i];
                boolean pkg = m.endsWith(".__init__");
                String module = pkg ? m.substring(0, m.length() - ".__init__".length()) : m;
                out.add(p.parse(module, m.replace('.', '/') + ".py", pkg,
                        moduleAndSource[i + 1].getBytes(StandardCharsets.UTF_8)));
            }
        }
        return new PackageIndex(out);
    }

    @Test
    void reExportsLeadToTheDefinition() {
        PackageIndex idx = index(
                "lib.__init__", "from .models import Model\nfrom .models import helper as alias\n",
                "lib.models.__init__", "from .core import Model, helper\n",
                "lib.models.core", "class Model:\n    pass\ndef helper(x, y=1):\n    pass\n");
        PackageIndex.ResolvedName model = idx.names("lib").get("Model");
        assertThat(model.kind()).isEqualTo(NameKind.IMPORT);
        assertThat(model.target()).hasToString("lib.models.core:Model");
        assertThat(idx.names("lib").get("alias").target()).hasToString("lib.models.core:helper");
        assertThat(idx.names("lib").get("models").kind()).isEqualTo(NameKind.SUBMODULE);
    }

    @Test
    void starImportsTakeDunderAllOrPublicNames() {
        PackageIndex idx = index(
                "lib.__init__", "from .a import *\nfrom .b import *\nfrom os.path import *\n",
                "lib.a", "__all__ = ['A1']\nclass A1: pass\nclass A2: pass\n",
                "lib.b", "import json\nclass B: pass\n_private = 1\n");
        assertThat(idx.names("lib")).containsKeys("A1", "B", "json").doesNotContainKeys("A2", "_private");
        assertThat(idx.names("lib").get("A1").target()).hasToString("lib.a:A1");
        assertThat(idx.unresolvedStarImports()).singleElement().asString().endsWith("from os.path import *");
    }

    @Test
    void importStructureExportsLazilyAndTheLastSubmoduleListingANameWins() {
        PackageIndex idx = index(
                "lib.__init__", """
                        from typing import TYPE_CHECKING
                        _import_structure = {"configuration": ["Config", "ARCHIVE_MAP"]}
                        _import_structure["modeling"] = ["Model", "ARCHIVE_MAP"]
                        if TYPE_CHECKING:
                            from .configuration import Config
                            from .modeling import Model
                            from .modeling import OnlyTyped
                        """,
                "lib.configuration", "class Config: pass\nARCHIVE_MAP = {}\n",
                "lib.modeling", "class Model: pass\nARCHIVE_MAP = {}\nclass OnlyTyped: pass\n");
        var names = idx.names("lib");
        assertThat(names.get("Model").typeOnly()).isFalse();
        assertThat(names.get("Model").target()).hasToString("lib.modeling:Model");
        assertThat(names.get("ARCHIVE_MAP").target()).hasToString("lib.modeling:ARCHIVE_MAP");
        assertThat(names.get("OnlyTyped").typeOnly()).isTrue();
        assertThat(idx.starExports("lib")).extracting(PackageIndex.ResolvedName::name)
                .containsExactlyInAnyOrder("Config", "ARCHIVE_MAP", "Model");
    }

    @Test
    void defineImportStructureMakesTypeCheckingReExportsReal() {
        PackageIndex idx = index(
                "lib.__init__", "from .models import *\n",
                "lib.models.__init__", """
                        from typing import TYPE_CHECKING
                        from ..utils import define_import_structure
                        if TYPE_CHECKING:
                            from .llama import *
                        else:
                            import sys
                            sys.modules[__name__] = _LazyModule(__name__, define_import_structure(__file__))
                        """,
                "lib.models.llama.__init__", """
                        from typing import TYPE_CHECKING
                        from ...utils import define_import_structure
                        if TYPE_CHECKING:
                            from .modeling_llama import *
                        else:
                            sys.modules[__name__] = _LazyModule(__name__, define_import_structure(__file__))
                        """,
                "lib.models.llama.modeling_llama", "__all__ = ['LlamaModel']\nclass LlamaModel: pass\nclass Hidden: pass\n",
                "lib.utils", "def define_import_structure(path): pass\n");
        assertThat(idx.names("lib.models.llama").get("LlamaModel").typeOnly()).isFalse();
        PackageIndex.ResolvedName top = idx.names("lib").get("LlamaModel");
        assertThat(top.typeOnly()).isFalse();
        assertThat(top.target()).hasToString("lib.models.llama.modeling_llama:LlamaModel");
        assertThat(idx.names("lib")).doesNotContainKey("Hidden");
    }

    @Test
    void submodAttrsExportLazilyWithRelativeOrAbsoluteSubmodules() {
        // huggingface_hub.utils from 1.32.0: one entry names a module outside the subpackage
        PackageIndex idx = index(
                "hub.__init__", "",
                "hub.errors", "class BadRequestError(Exception): pass\n",
                "hub.utils.__init__", """
                        from typing import TYPE_CHECKING
                        _SUBMOD_ATTRS = {"_auth": ["get_token"], "hub.errors": ["BadRequestError"]}
                        def __getattr__(name): ...
                        if TYPE_CHECKING:
                            from hub.errors import BadRequestError
                            from ._auth import get_token
                        """,
                "hub.utils._auth", "def get_token(): pass\n");
        var names = idx.names("hub.utils");
        assertThat(names.get("get_token").typeOnly()).isFalse();
        assertThat(names.get("get_token").target()).hasToString("hub.utils._auth:get_token");
        assertThat(names.get("BadRequestError").typeOnly()).isFalse();
        assertThat(names.get("BadRequestError").target()).hasToString("hub.errors:BadRequestError");
        assertThat(idx.starExports("hub.utils")).extracting(PackageIndex.ResolvedName::name)
                .containsExactlyInAnyOrder("get_token", "BadRequestError");
    }

    @Test
    void aModuleGetattrProvidesWhatTypeCheckingImportsFromItsOwnSubmodules() {
        PackageIndex idx = index(
                // liger_kernel.transformers from 0.5.7, transformers.pipelines from 5.23.0
                "lib.__init__", "",
                "lib.modeling_utils", "class PreTrainedModel: pass\n",
                "lib.kernels.__init__", """
                        import importlib
                        from typing import TYPE_CHECKING
                        from lib.kernels.rms_norm import RMSNorm
                        if TYPE_CHECKING:
                            from torch import nn
                            from ..modeling_utils import PreTrainedModel
                            from lib.kernels.monkey_patch import apply_to_llama
                            from .auto import *
                            from . import monkey_patch as monkey_patch
                        def __getattr__(name):
                            if name == "apply_to_llama":
                                return importlib.import_module("lib.kernels.monkey_patch").apply_to_llama
                            raise AttributeError(name)
                        """,
                "lib.kernels.rms_norm", "class RMSNorm: pass\n",
                "lib.kernels.monkey_patch", "def apply_to_llama(): pass\n",
                "lib.kernels.auto", "__all__ = ['AutoKernel']\nclass AutoKernel: pass\n",
                // a deprecation __getattr__ in a plain module: its annotations' imports stay type-only
                "lib.kernels.tensor_parallel", """
                        from typing import TYPE_CHECKING
                        if TYPE_CHECKING:
                            from .monkey_patch import apply_to_llama
                        def __getattr__(name):
                            raise AttributeError(name)
                        """);
        var names = idx.names("lib.kernels");
        assertThat(names.get("apply_to_llama").typeOnly()).isFalse();
        assertThat(names.get("apply_to_llama").target()).hasToString("lib.kernels.monkey_patch:apply_to_llama");
        assertThat(names.get("AutoKernel").typeOnly()).isFalse();
        assertThat(names.get("monkey_patch").typeOnly()).isFalse();
        assertThat(names.get("nn").typeOnly()).isTrue();
        assertThat(names.get("PreTrainedModel").typeOnly()).isTrue();
        // from lib.kernels import * takes the module's __dict__, which __getattr__'s names are not in
        assertThat(idx.starExports("lib.kernels")).extracting(PackageIndex.ResolvedName::name)
                .contains("RMSNorm").doesNotContain("apply_to_llama", "AutoKernel", "monkey_patch");
        assertThat(idx.names("lib.kernels.tensor_parallel").get("apply_to_llama").typeOnly()).isTrue();
    }

    @Test
    void basesResolveThroughImportsModulesAndBuiltins() {
        PackageIndex idx = index(
                "lib.__init__", "",
                "lib.base", "class Base: pass\n",
                "lib.model", """
                        from torch import nn
                        import torch.nn as tnn
                        from . import base
                        from .base import Base
                        from typing import Generic
                        class Local: pass
                        class M(Base, base.Base, nn.Module, tnn.Linear, Generic[T], Local, object, make_base()):
                            pass
                        """);
        PackageIndex.ResolvedClass m = idx.classes("lib.model").stream().filter(c -> c.name().equals("M")).findFirst().orElseThrow();
        assertThat(m.bases()).extracting(Object::toString).containsExactly(
                "lib.base:Base", "lib.base:Base", "torch.nn:Module", "torch.nn:Linear", "typing:Generic",
                "lib.model:Local", "builtins:object");
    }

    @Test
    void anImportCycleEndsWithWhatEachModuleBindsItself() {
        PackageIndex idx = index(
                "lib.__init__", "",
                "lib.a", "from .b import B\nclass A: pass\n",
                "lib.b", "from .a import A\nclass B: pass\n");
        assertThat(idx.names("lib.a").get("B").target()).hasToString("lib.b:B");
        assertThat(idx.names("lib.b").get("A").target()).hasToString("lib.a:A");
    }

    @Test
    void directoriesWithoutInitAreNamespacePackages() {
        PackageIndex idx = index("lib.__init__", "", "lib.ns.mod", "X = 1\n");
        assertThat(idx.isModule("lib.ns")).isTrue();
        assertThat(idx.names("lib.ns")).containsOnlyKeys("mod");
        assertThat(idx.names("lib").get("ns").kind()).isEqualTo(NameKind.SUBMODULE);
    }
}
