package org.casebook.bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casebook.statement.ExhibitRef;
import org.casebook.statement.Statement;
import org.casebook.statement.StatementText;

/**
 * What a statement's wording does with the exhibits it goes with: which it produces by mark, which it leaves out,
 * which marks it names that are not exhibits, what is still to be filled in, and (once the witness has written
 * their own wording) whether a mark now stands for a different exhibit than when they wrote it.
 *
 * @param produced     the exhibits' marks the wording names, in exhibit order
 * @param missing      the exhibits' marks it does not name
 * @param unknown      marks it names that are no exhibit
 * @param placeholders the places still in square brackets
 * @param renumbered   the marks whose exhibit changed since the wording was drafted
 */
public record StatementCheck(List<String> produced, List<String> missing, List<String> unknown,
                             List<String> placeholders, List<String> renumbered) {

    static StatementCheck of(Statement statement, String text, List<ExhibitRef> exhibits, String prefix) {
        Set<String> named = StatementText.marksNamed(text, prefix);
        Set<String> known = new LinkedHashSet<>();
        Map<String, Long> current = new HashMap<>();
        List<String> produced = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ExhibitRef e : exhibits) {
            known.add(e.mark());
            current.put(e.mark(), e.itemId());
            e.parts().forEach(p -> known.add(p.mark()));
            (named.contains(e.mark()) ? produced : missing).add(e.mark());
        }
        List<String> unknown = named.stream().filter(m -> !known.contains(m)).toList();
        List<String> renumbered = new ArrayList<>();
        if (statement != null && statement.isEdited()) {
            statement.exhibits().forEach((mark, item) -> {
                if (named.contains(mark) && !item.equals(current.get(mark))) {
                    renumbered.add(mark);
                }
            });
        }
        return new StatementCheck(produced, missing, unknown, StatementText.placeholders(text), renumbered);
    }

    /** One plain sentence per problem, for the command line, the app and the bundle's warnings. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (!missing.isEmpty()) {
            out.add("The statement does not produce exhibit" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + ": say where each belongs (\u201CI produce … as exhibit "
                    + missing.get(0) + "\u201D).");
        }
        if (!unknown.isEmpty()) {
            out.add("The statement names " + String.join(", ", unknown) + ", which "
                    + (unknown.size() == 1 ? "is not an exhibit" : "are not exhibits") + " in this bundle.");
        }
        if (!renumbered.isEmpty()) {
            out.add("Exhibit" + (renumbered.size() == 1 ? " " : "s ") + String.join(", ", renumbered)
                    + (renumbered.size() == 1 ? " is" : " are") + " now a different exhibit than when the statement"
                    + " was drafted (evidence was added or left out): check every mark in the statement.");
        }
        if (!placeholders.isEmpty()) {
            out.add("The statement still has " + placeholders.size() + (placeholders.size() == 1 ? " place" : " places")
                    + " to fill in, in square brackets, starting with " + placeholders.get(0) + ".");
        }
        return out;
    }
}
