package io.gatehouse.cli;

import java.io.InputStream;
import java.util.Set;

/** One noun of the command line ({@code clients}, {@code users}, ...) and its verbs. */
interface CommandGroup {

    String name();

    /** Usage lines of every verb, for --help. */
    String usage();

    /** The options (without --) {@code command} takes besides the global ones. */
    Set<String> options(String command);

    /** Runs {@code command}; {@code args.positionals} starts after the group and command words. */
    void run(String command, Args args, Context context);

    /** What a command works with. */
    record Context(AdminApi api, Output out, InputStream in) {
    }
}
