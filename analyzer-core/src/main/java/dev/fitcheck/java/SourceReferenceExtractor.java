package dev.fitcheck.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.resolution.declarations.ResolvedConstructorDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedFieldDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedValueDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JarTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JavaParserTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import dev.fitcheck.evidence.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every use a project's Java sources make of a dependency's classes, methods, constructors and
 * fields, with file and span, found with JavaParser and its symbol solver over the resolved class
 * path: one {@link JarTypeSolver} per jar, a {@link JavaParserTypeSolver} per source root of the
 * project (and of sibling modules), and the JDK.
 *
 * <p>The JDK comes from {@code ReflectionTypeSolver(true)}, which answers only for {@code java.}
 * and {@code javax.} names: with {@code false} it would answer from fitcheck's own class path,
 * and a library fitcheck bundles (guava, for one) would stand in for the project's release of it.
 */
public final class SourceReferenceExtractor {

    private final List<Path> sourceRoots;
    private final JavaParser parser;
    private final CombinedTypeSolver solver;
    private final Predicate<String> external;

    /**
     * @param sourceRoots the project's source roots (and its sibling modules'), to resolve its own types
     * @param jars the resolved class path's jars
     * @param external which classes (internal names) count as a dependency's: the others are the
     *                 project's own or the JDK's and are not reported
     */
    public SourceReferenceExtractor(List<Path> sourceRoots, List<Path> jars, Predicate<String> external) {
        this.sourceRoots = List.copyOf(sourceRoots);
        this.external = external;
        this.solver = new CombinedTypeSolver();
        // One symbol solver for the files scanned and for the project's types found in other files:
        // resolving a call into a sibling class resolves that class's own signatures too.
        JavaSymbolSolver symbolSolver = new JavaSymbolSolver(solver);
        solver.add(new ReflectionTypeSolver(true));
        for (Path root : sourceRoots) {
            if (Files.isDirectory(root)) {
                solver.add(new JavaParserTypeSolver(root, configuration(symbolSolver)));
            }
        }
        for (Path jar : jars) {
            try {
                solver.add(new JarTypeSolver(jar));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + jar + ": " + e.getMessage(), e);
            }
        }
        this.parser = new JavaParser(configuration(symbolSolver));
    }

    private static ParserConfiguration configuration(JavaSymbolSolver symbolSolver) {
        return new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                .setSymbolResolver(symbolSolver);
    }

    /** Every {@code .java} file under the roots given to the constructor, in path order. */
    public List<Path> sourceFiles() {
        List<Path> files = new ArrayList<>();
        for (Path root : sourceRoots) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        files.sort(null);
        return files;
    }

    public SourceReferences extract(List<Path> files) {
        List<JavaReference> refs = new ArrayList<>();
        List<UnresolvedUse> unresolved = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                problems.add(file + ": cannot read (" + e.getMessage() + ")");
                continue;
            }
            ParseResult<CompilationUnit> parsed = parser.parse(text);
            if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
                String why = parsed.getProblems().isEmpty() ? "does not parse" : parsed.getProblem(0).getMessage();
                int line = parsed.getProblems().isEmpty() ? 0 : parsed.getProblem(0).getLocation()
                        .flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(0);
                problems.add(SourceLocation.of(file, line).display() + ": " + why.lines().findFirst().orElse(why));
                continue;
            }
            new FileScan(file, parsed.getResult().get(), refs, unresolved).run();
        }
        List<JavaReference> distinct = new ArrayList<>(new LinkedHashSet<>(refs));
        distinct.sort(null);
        unresolved.sort(null);
        return new SourceReferences(files.size(), distinct, unresolved, problems);
    }

    /** {@code com/google/common/base/Objects$ToStringHelper} for a resolved type. */
    static String internalName(com.github.javaparser.resolution.declarations.ResolvedTypeDeclaration t) {
        String pkg = t.getPackageName();
        String cls = t.getClassName().replace('.', '$');
        return pkg.isEmpty() ? cls : pkg.replace('.', '/') + "/" + cls;
    }

    private final class FileScan {
        final Path file;
        final CompilationUnit cu;
        final List<JavaReference> refs;
        final List<UnresolvedUse> unresolved;
        final Set<String> localNames = new HashSet<>();

        FileScan(Path file, CompilationUnit cu, List<JavaReference> refs, List<UnresolvedUse> unresolved) {
            this.file = file;
            this.cu = cu;
            this.refs = refs;
            this.unresolved = unresolved;
        }

        void run() {
            cu.findAll(VariableDeclarator.class).forEach(v -> localNames.add(v.getNameAsString()));
            cu.findAll(Parameter.class).forEach(p -> localNames.add(p.getNameAsString()));
            cu.getImports().forEach(this::importDeclaration);
            cu.findAll(ClassOrInterfaceType.class).forEach(this::type);
            cu.findAll(AnnotationExpr.class).forEach(this::annotation);
            cu.findAll(MethodCallExpr.class).forEach(this::methodCall);
            cu.findAll(ObjectCreationExpr.class).forEach(this::objectCreation);
            cu.findAll(ExplicitConstructorInvocationStmt.class).forEach(this::constructorCall);
            cu.findAll(MethodReferenceExpr.class).forEach(this::methodReference);
            cu.findAll(FieldAccessExpr.class).forEach(this::fieldAccess);
            cu.findAll(NameExpr.class).forEach(this::name);
        }

        void importDeclaration(ImportDeclaration imp) {
            String name = imp.getNameAsString();
            if (imp.isAsterisk()) {
                if (imp.isStatic()) {
                    solveType(name).ifPresent(t -> add(JavaSymbol.ofClass(internalName(t)), imp.getName()));
                }
                return;
            }
            Optional<ResolvedReferenceTypeDeclaration> asType = solveType(name);
            if (asType.isPresent()) {
                add(JavaSymbol.ofClass(internalName(asType.get())), imp.getName());
                return;
            }
            int dot = name.lastIndexOf('.');
            if (imp.isStatic() && dot > 0) {
                Optional<ResolvedReferenceTypeDeclaration> owner = solveType(name.substring(0, dot));
                if (owner.isPresent()) {
                    add(JavaSymbol.anyMember(internalName(owner.get()), name.substring(dot + 1)), imp.getName());
                    return;
                }
            }
            if (!name.startsWith("java.") && !name.startsWith("javax.")) {
                miss(imp, "import not found on the class path");
            }
        }

        Optional<ResolvedReferenceTypeDeclaration> solveType(String qualifiedName) {
            try {
                SymbolReference<ResolvedReferenceTypeDeclaration> r = solver.tryToSolveType(qualifiedName);
                return r.isSolved() ? Optional.of(r.getCorrespondingDeclaration()) : Optional.empty();
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        void type(ClassOrInterfaceType t) {
            if (t.findAncestor(ImportDeclaration.class).isPresent()) return;
            try {
                ResolvedType r = t.resolve();
                if (r.isReferenceType()) {
                    r.asReferenceType().getTypeDeclaration()
                            .ifPresent(d -> add(JavaSymbol.ofClass(internalName(d)), t.getName()));
                }
            } catch (RuntimeException | StackOverflowError e) {
                boolean packageQualifier = t.getParentNode().filter(p -> p instanceof ClassOrInterfaceType outer
                        && outer.getScope().filter(sc -> sc == t).isPresent()).isPresent();
                if (!packageQualifier) miss(t, e); // org.eclipse in org.eclipse.X names a package, not a type
            }
        }

        void annotation(AnnotationExpr a) {
            try {
                add(JavaSymbol.ofClass(internalName(a.resolve())), a.getName());
            } catch (RuntimeException | StackOverflowError e) {
                miss(a, e);
            }
        }

        void methodCall(MethodCallExpr call) {
            try {
                ResolvedMethodDeclaration m = call.resolve();
                add(JavaSymbol.method(internalName(m.declaringType()), m.getName(), m.toDescriptor(), m.isStatic()),
                        call.getName(), call);
            } catch (RuntimeException | StackOverflowError e) {
                miss(call, e);
            }
        }

        void objectCreation(ObjectCreationExpr expr) {
            try {
                ResolvedConstructorDeclaration c = expr.resolve();
                if (!c.declaringType().isInterface()) {
                    add(JavaSymbol.constructor(internalName(c.declaringType()), descriptor(c)), expr.getType(), expr);
                }
            } catch (RuntimeException | StackOverflowError e) {
                miss(expr, e);
            }
        }

        void constructorCall(ExplicitConstructorInvocationStmt stmt) {
            try {
                ResolvedConstructorDeclaration c = stmt.resolve();
                add(JavaSymbol.constructor(internalName(c.declaringType()), descriptor(c)), stmt);
            } catch (RuntimeException | StackOverflowError e) {
                miss(stmt, e);
            }
        }

        void methodReference(MethodReferenceExpr ref) {
            if ("new".equals(ref.getIdentifier())) return; // the type is reported as a type use
            try {
                ResolvedMethodDeclaration m = ref.resolve();
                add(JavaSymbol.method(internalName(m.declaringType()), m.getName(), m.toDescriptor(), m.isStatic()), ref);
            } catch (RuntimeException | StackOverflowError e) {
                miss(ref, e);
            }
        }

        void fieldAccess(FieldAccessExpr access) {
            if (access.findAncestor(ImportDeclaration.class).isPresent()) return;
            try {
                field(access.resolve(), access.getName(), access);
            } catch (RuntimeException | StackOverflowError e) {
                // a.b.c in a.b.c.method() is a package or type name, not a field: nothing to report
            }
        }

        void name(NameExpr name) {
            // Locals and parameters cannot be a dependency's; resolving each would cost much for nothing.
            if (localNames.contains(name.getNameAsString())) return;
            try {
                field(name.resolve(), name, name);
            } catch (RuntimeException | StackOverflowError e) {
                // a type name used as the scope of a static call: the call itself is reported
            }
        }

        void field(ResolvedValueDeclaration v, Node at, Node whole) {
            if (v.isField()) {
                ResolvedFieldDeclaration f = v.asField();
                add(JavaSymbol.field(internalName(f.declaringType()), f.getName(), f.getType().erasure().toDescriptor(),
                        f.isStatic()), at, whole);
            } else if (v.isEnumConstant()) {
                ResolvedType t = v.getType();
                if (t.isReferenceType() && t.asReferenceType().getTypeDeclaration().isPresent()) {
                    String owner = internalName(t.asReferenceType().getTypeDeclaration().get());
                    add(JavaSymbol.field(owner, v.getName(), "L" + owner + ";", true), at, whole);
                }
            }
        }

        String descriptor(ResolvedConstructorDeclaration c) {
            return c.formalParameterTypes().stream().map(t -> t.erasure().toDescriptor())
                    .collect(Collectors.joining("", "(", ")V"));
        }

        void add(JavaSymbol symbol, Node at) {
            add(symbol, at, at);
        }

        /** A reference at {@code at}'s start, spanning to the end of {@code whole}'s first line. */
        void add(JavaSymbol symbol, Node at, Node whole) {
            if (!external.test(symbol.owner())) return;
            Optional<Range> start = at.getRange();
            if (start.isEmpty()) return;
            Position begin = start.get().begin;
            Position end = start.get().end;
            refs.add(new JavaReference(symbol, new SourceSite(new SourceLocation(file, begin.line, begin.column),
                    end.line, end.column)));
        }

        void miss(Node node, Throwable e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            miss(node, reason.lines().findFirst().orElse(reason));
        }

        void miss(Node node, String reason) {
            int line = node.getBegin().map(p -> p.line).orElse(0);
            int column = node.getBegin().map(p -> p.column).orElse(0);
            String text = node.toString().lines().findFirst().orElse("");
            unresolved.add(new UnresolvedUse(new SourceLocation(file, line, column), text, reason));
        }
    }
}
