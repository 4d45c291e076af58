package org.p1iota.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.p1iota.app.Launcher;

/** The picocli launcher: generated help, groups that list their subcommands, typed options, exit codes. */
class LauncherTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... words) {
        out.reset();
        err.reset();
        Console console = new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return Launcher.withInstalledCommands().run(List.of(words), console);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsRolesAndToolsApart() {
        assertThat(run("--help")).isEqualTo(Launcher.EXIT_OK);
        String help = stdout();
        assertThat(help).contains("Usage: p1-iota").contains("Roles:").contains("Tools:");
        assertThat(help.substring(help.indexOf("Roles:"), help.indexOf("Tools:")))
                .contains("node ", "device ", "myhome ", "provider ", "demo ").doesNotContain("p1 parse");
        assertThat(help.substring(help.indexOf("Tools:")))
                .contains("p1 parse", "mam create", "mam parse", "mam fetch", "keys", "bench node", "bench pow", "bench p1", "bench mam");
        assertThat(run("help", "keys")).isEqualTo(Launcher.EXIT_OK);
        assertThat(stdout()).contains("--role");
        assertThat(run()).isEqualTo(Launcher.EXIT_USAGE);
        assertThat(stdout()).contains("Roles:");
    }

    @Test
    void aGroupListsItsSubcommandsInsteadOfUnknownCommand() {
        assertThat(run("p1")).isEqualTo(Launcher.EXIT_USAGE);
        assertThat(stdout()).contains("Usage: p1-iota p1 [-h] COMMAND").contains("parse").doesNotContain("unknown");
        assertThat(run("mam")).isEqualTo(Launcher.EXIT_USAGE);
        assertThat(stdout()).contains("create").contains("parse").contains("fetch");
        assertThat(run("bench")).isEqualTo(Launcher.EXIT_USAGE);
        assertThat(stdout()).contains("node").contains("pow");
    }

    @Test
    void everyCommandHasGeneratedHelp() {
        assertThat(run("node", "--help")).isEqualTo(Launcher.EXIT_OK);
        assertThat(stdout()).contains("--port=PORT").contains("node.port").contains("--data=DIR").contains("--routes=DIR");
        assertThat(run("mam", "fetch", "-h")).isEqualTo(Launcher.EXIT_OK);
        assertThat(stdout()).contains("--side-key=KEY").contains("--follow").contains("default 5");
    }

    @Test
    void wrongCommandLinesExitTwoWithTheReason() {
        assertThat(run("nosuch")).isEqualTo(Launcher.EXIT_USAGE);
        assertThat(stderr()).contains("nosuch");
        assertThat(run("node", "--port", "many")).isEqualTo(Launcher.EXIT_USAGE);
        assertThat(stderr()).contains("p1-iota node: --port needs a whole number, not 'many'").contains("Usage: p1-iota node");
        assertThat(run("mam", "parse")).isEqualTo(Launcher.EXIT_USAGE);
        assertThat(stderr()).contains("--root");
        assertThat(run("demo", "extra")).isEqualTo(Launcher.EXIT_USAGE);
        assertThat(run("node", "--colour", "red")).isEqualTo(Launcher.EXIT_USAGE);
        assertThat(stderr()).contains("unknown option --colour");
    }
}
