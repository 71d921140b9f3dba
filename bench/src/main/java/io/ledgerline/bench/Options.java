package io.ledgerline.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} arguments with defaults; an unknown name is an error, not ignored. */
final class Options {
    private final Map<String, String> values = new HashMap<>();

    Options(String[] args, int from, Map<String, String> defaults) {
        values.putAll(defaults);
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("arguments are --name=value, not '" + arg + "'");
            }
            String name = arg.substring(2, eq);
            if (!defaults.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + defaults.keySet());
            }
            values.put(name, arg.substring(eq + 1));
        }
    }

    int integer(String name) {
        try {
            return Integer.parseInt(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + values.get(name) + "'");
        }
    }
}
