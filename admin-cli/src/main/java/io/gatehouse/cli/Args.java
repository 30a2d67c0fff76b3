package io.gatehouse.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed command line: positional words, options with values ({@code --name value}, {@code --name=value},
 * repeatable) and flags ({@code --json}). {@code --} ends the options. Unknown options are a usage error.
 */
final class Args {

    final List<String> positionals = new ArrayList<>();
    final Map<String, List<String>> values = new LinkedHashMap<>();
    final List<String> flags = new ArrayList<>();

    static Args parse(String[] argv, Set<String> valueOptions, Set<String> flagOptions) {
        Args a = new Args();
        boolean optionsEnded = false;
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (!optionsEnded && arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (optionsEnded || !arg.startsWith("--")) {
                a.positionals.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (flagOptions.contains(name)) {
                if (eq >= 0) {
                    throw new UsageException("--" + name + " takes no value");
                }
                a.flags.add(name);
            } else if (valueOptions.contains(name)) {
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < argv.length) {
                    value = argv[++i];
                } else {
                    throw new UsageException("--" + name + " needs a value");
                }
                a.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return a;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** The last value of {@code name}, or null. */
    String value(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** Refuses options that the command does not take. */
    void allowOnly(Set<String> allowed) {
        for (String name : values.keySet()) {
            if (!allowed.contains(name)) {
                throw new UsageException("this command does not take --" + name);
            }
        }
        for (String name : flags) {
            if (!allowed.contains(name)) {
                throw new UsageException("this command does not take --" + name);
            }
        }
    }

    /** The {@code index}th word after the group and command, which must be present. */
    String positional(int index, String what) {
        if (positionals.size() <= index) {
            throw new UsageException("missing " + what);
        }
        return positionals.get(index);
    }

    void expectPositionals(int count) {
        if (positionals.size() > count) {
            throw new UsageException("unexpected argument " + positionals.get(count));
        }
    }
}
