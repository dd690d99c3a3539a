package dev.fitcheck.python;

import java.util.List;

/**
 * A module-level class: its bases as written ({@code nn.Module}, {@code PreTrainedModel},
 * {@code Generic[T]} stays as text) so that a later stage can follow inheritance, and its members.
 */
public record ClassSummary(String name, int line, boolean typeOnly, List<String> bases, List<ClassMember> members) {

    public ClassSummary {
        bases = List.copyOf(bases);
        members = List.copyOf(members);
    }
}
