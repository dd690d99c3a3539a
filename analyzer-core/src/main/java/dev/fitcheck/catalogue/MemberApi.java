package dev.fitcheck.catalogue;

import java.util.List;
import java.util.Set;

/**
 * A member a class defines itself (not inherited), with its kinds, signatures and modifiers over
 * versions. Python keys a member by its name; Java keys a method or constructor by name and
 * descriptor ({@code toStringHelper(Ljava/lang/Object;)Lcom/google/common/base/Objects$ToStringHelper;},
 * {@code <init>(I)V}), since overloads are distinct members to the JVM, and a field by its name.
 *
 * @param modifiers only the non-empty sets, each where it holds; empty for Python
 */
public record MemberApi(String member, List<Versioned<SymbolKind>> kinds, List<Versioned<Signature>> signatures,
                        List<Versioned<Set<Modifier>>> modifiers) {

    public MemberApi {
        kinds = List.copyOf(kinds);
        signatures = List.copyOf(signatures);
        modifiers = List.copyOf(modifiers);
    }

    /** A member without modifiers: every Python member. */
    public MemberApi(String member, List<Versioned<SymbolKind>> kinds, List<Versioned<Signature>> signatures) {
        this(member, kinds, signatures, List.of());
    }

    public IndexRanges presence() {
        return Versioned.union(kinds);
    }

    /** The name without a descriptor: {@code toStringHelper} for a Java method's key, the key itself otherwise. */
    public String simpleName() {
        return simpleName(member);
    }

    /** {@link #simpleName()} of a member key. */
    public static String simpleName(String memberKey) {
        int paren = memberKey.indexOf('(');
        return paren < 0 ? memberKey : memberKey.substring(0, paren);
    }

    /** Versions in which the member has {@code m}. */
    public IndexRanges with(Modifier m) {
        return Versioned.where(modifiers, set -> set.contains(m));
    }
}
