package io.searchbridge.mirror;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line: {@code mirror [--once] | verify [--repair]}, then settings as {@code key=value}.
 *
 * @param mode {@code mirror} or {@code verify}
 * @param once mirror: run one round and exit (for cron-style scheduling and scripts)
 * @param repair verify: rewrite missing and different documents and delete extra ones
 */
public record MirrorArgs(String mode, boolean once, boolean repair, Map<String, String> settings) {

  static final String USAGE = "usage: MirrorApp mirror [--once] | verify [--repair]  es.key=value ...";

  public MirrorArgs {
    settings = Map.copyOf(settings);
  }

  public static MirrorArgs parse(List<String> args) {
    if (args.isEmpty() || !(args.get(0).equals("mirror") || args.get(0).equals("verify"))) {
      throw new IllegalArgumentException(USAGE);
    }
    String mode = args.get(0);
    boolean once = false;
    boolean repair = false;
    Map<String, String> settings = new LinkedHashMap<>();
    for (String arg : args.subList(1, args.size())) {
      if (arg.equals("--once") && mode.equals("mirror")) {
        once = true;
      } else if (arg.equals("--repair") && mode.equals("verify")) {
        repair = true;
      } else if (arg.contains("=") && !arg.startsWith("-")) {
        int split = arg.indexOf('=');
        settings.put(arg.substring(0, split).trim(), arg.substring(split + 1));
      } else {
        throw new IllegalArgumentException("unexpected argument '" + arg + "' for " + mode + "; " + USAGE);
      }
    }
    return new MirrorArgs(mode, once, repair, settings);
  }
}
