package org.p1iota.app.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A launcher subcommand: a picocli {@code @Command} whose options are annotated fields, run with the
 * {@link Console} the launcher gives it (the process streams, or buffers in tests).
 * <p>
 * Exit codes: {@link #run} returns 0 (done) or 1 (the work could not be done: input unreadable, node
 * unreachable, ...); a wrong command line, found by picocli or thrown as {@link #usageError}, exits 2
 * with the message and the command's help on standard error.
 */
public abstract class CliCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    private Console console = Console.system();

    /** Set by the launcher before the command runs. */
    public final void useConsole(Console console) {
        this.console = console;
    }

    @Override
    public final Integer call() throws Exception {
        return run(console);
    }

    protected abstract int run(Console console) throws Exception;

    /** A usage error with this message: exit 2, the message and the command's help on standard error. */
    protected final ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
