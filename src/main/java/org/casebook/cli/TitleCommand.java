package org.casebook.cli;

import org.casebook.evidence.ExhibitTitles;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code casebook title ITEM [--set TEXT]}: the title an attached file goes by in bundles. */
@Command(name = "title", mixinStandardHelpOptions = true,
        description = {"Show or change the title an attached file goes by in a bundle's index, bookmarks and"
                + " exhibit pages. Until you give one, it is the file's name without its date and extension.",
            "--set \"\" returns it to that default. The vault's record keeps the old title."})
final class TitleCommand extends VaultCommand {
    @Parameters(index = "0", paramLabel = "ITEM", description = "The attached file's item id.")
    long item;

    @Option(names = "--set", paramLabel = "TEXT", description = "The new title.")
    String title;

    @Override
    int run(Vault vault, CliContext ctx) {
        ExhibitTitles titles = new ExhibitTitles(vault);
        ctx.out().println(title == null ? titles.of(item) : titles.set(item, title));
        return ExitCodes.OK;
    }
}
