package org.casebook.cli;

import java.util.Set;
import java.util.stream.Collectors;
import org.casebook.conduct.TagService;
import org.casebook.model.BehaviourTag;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code casebook tag add|remove ITEM TAG}: behaviour tags on items. */
@Command(name = "tag", mixinStandardHelpOptions = true, description = "Tag an item with a behaviour.",
        subcommands = {TagCommand.Add.class, TagCommand.Remove.class})
final class TagCommand {
    static final String TAGS = "following, watching-loitering, turning-up-home, turning-up-work, unwanted-contact, "
            + "third-party-contact, threats, property-damage, monitoring-online, fake-profiles, gifts, sexual, "
            + "violence, other";

    abstract static class Change extends VaultCommand {
        @Parameters(index = "0", paramLabel = "ITEM", description = "The item's id.")
        long item;

        @Parameters(index = "1", paramLabel = "TAG", description = "One of: " + TAGS + ".")
        String tag;

        abstract Set<BehaviourTag> apply(TagService tags, long item, BehaviourTag tag);

        @Override
        int run(Vault vault, CliContext ctx) {
            BehaviourTag behaviour = ConductOptions.code("TAG", BehaviourTag::fromCode, tag);
            Set<BehaviourTag> now = apply(new TagService(vault), item, behaviour);
            ctx.out().println("Item " + item + " tags: " + (now.isEmpty() ? "none"
                    : now.stream().map(BehaviourTag::code).collect(Collectors.joining(", "))));
            return ExitCodes.OK;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a tag to an item.")
    static final class Add extends Change {
        @Override
        Set<BehaviourTag> apply(TagService tags, long item, BehaviourTag tag) {
            return tags.add(item, tag);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a tag from an item.")
    static final class Remove extends Change {
        @Override
        Set<BehaviourTag> apply(TagService tags, long item, BehaviourTag tag) {
            return tags.remove(item, tag);
        }
    }
}
