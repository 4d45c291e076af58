package org.p1iota.app.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A word that only groups subcommands ({@code p1}, {@code mam}, {@code bench}): given alone it lists
 * them, with their one-line summaries, and exits 2 (nothing was done), as the launcher does without a command.
 */
public abstract class CommandGroup implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Exits.USAGE;
    }
}
