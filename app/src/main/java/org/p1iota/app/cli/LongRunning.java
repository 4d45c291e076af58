package org.p1iota.app.cli;

/** Marks a subcommand that runs a role (a Camel application until Ctrl-C): help lists these as "Roles". */
public interface LongRunning {
}
